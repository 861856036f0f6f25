namespace Concierge.Bookings.Conversation;

/// <summary>Book a slot. The store re-checks capacity in the transaction and may still refuse (then the slot is full).</summary>
public sealed record CreateBooking(Guid ServiceId, DateTimeOffset Start, int PartySize, string Name, ContactPoint Contact) : BookingEffect
{
    /// <summary>
    /// The id the row gets, chosen by the skill before the commit so that the reply and the state can
    /// name it: they are committed with the row or not at all.
    /// </summary>
    public Guid BookingId { get; init; }
}
