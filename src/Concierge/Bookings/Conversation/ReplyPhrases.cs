namespace Concierge.Bookings.Conversation;

/// <summary>The fixed sentences of the offline booking replies in one language; {0}… are filled by <see cref="BookingReplies"/>.</summary>
internal sealed record ReplyPhrases(
    string Culture,
    string DatePattern,
    string TimePattern,
    Func<int, string> People,
    IReadOnlyDictionary<string, string> Asks,
    IReadOnlyDictionary<string, string> Problems,
    string Options,
    string NoOptions,
    string Full,
    string ConfirmBook,
    string ConfirmCancel,
    string ConfirmMove,
    string Booking,
    string Booked,
    string Cancelling,
    string CancelledDone,
    string Moving,
    string Moved,
    string DeclinedBook,
    string DeclinedChange,
    string NotFound,
    string Under,
    string When,
    string Summary);
