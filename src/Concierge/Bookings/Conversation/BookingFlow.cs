namespace Concierge.Bookings.Conversation;

/// <summary>What the conversation is doing with bookings.</summary>
public enum BookingFlow
{
    Book,
    Cancel,
    Reschedule,
}
