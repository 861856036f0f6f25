namespace Concierge.Bookings.Conversation;

/// <summary>Book a slot. The store re-checks capacity in the transaction and may still refuse (then the slot is full).</summary>
public sealed record CreateBooking(Guid ServiceId, DateTimeOffset Start, int PartySize, string Name, ContactPoint Contact) : BookingEffect;
