namespace Concierge.Bookings.Conversation;

/// <summary>A change the skill commits to the store after the decision; the decider itself changes nothing.</summary>
public abstract record BookingEffect;
