using Concierge.Conversations;

namespace Concierge.Bookings.Conversation;

/// <summary>A change the skill commits to the store after the decision; the decider itself changes nothing. The turn's commit writes it.</summary>
public abstract record BookingEffect : Effect;
