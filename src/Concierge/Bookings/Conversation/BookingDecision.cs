namespace Concierge.Bookings.Conversation;

/// <summary>The outcome of one booking turn.</summary>
/// <param name="Missing">What the booking still needs, in asking order.</param>
/// <param name="Effects">Changes to commit; empty unless the customer has just confirmed.</param>
public sealed record BookingDecision(
    BookingState State,
    BookingAction Action,
    IReadOnlyList<BookingField> Missing,
    BookingReplyFacts Facts,
    IReadOnlyList<BookingEffect> Effects)
{
    /// <summary>
    /// The same decision once its effects are in the store: the reply may now say "booked", and a new
    /// booking's id is kept for a later "cancel it".
    /// </summary>
    public BookingDecision AfterCommit(Guid? bookingId = null) => this with
    {
        State = bookingId is null ? State : State with { BookingId = bookingId },
        Facts = Facts with { Committed = true, BookingId = bookingId ?? Facts.BookingId },
    };
}
