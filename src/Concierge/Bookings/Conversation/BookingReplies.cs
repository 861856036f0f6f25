using System.Globalization;
using NodaTime;

namespace Concierge.Bookings.Conversation;

/// <summary>
/// The offline wording of a booking decision in es, en or pt (the state's language, English otherwise).
/// It states only the decision's facts: an uncommitted booking "is being recorded", and only
/// <see cref="BookingDecision.AfterCommit"/> lets it say "confirmed".
/// </summary>
public static class BookingReplies
{
    public static string Write(BookingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var p = ReplyLanguages.For(decision.State.Language);
        var culture = CultureInfo.GetCultureInfo(p.Culture);
        var f = decision.Facts;
        string F(string format, params object?[] args) => string.Format(culture, format, args);

        return decision.Action switch
        {
            BookingAction.Ask => Join(Problem(p, f, culture), Ask(p, f)),
            BookingAction.Offer => Join(OptionsText(p, f, culture), Ask(p, f with { Asked = BookingField.Time })),
            BookingAction.Full => Join(F(p.Full, Capitalise(When(p, f.Date, f.Time, culture), culture)), OptionsText(p, f, culture)),
            BookingAction.Unavailable => Join(Problem(p, f, culture), f.Asked == BookingField.PartySize ? Ask(p, f) : OptionsText(p, f, culture), f.Asked == BookingField.PartySize ? null : Ask(p, f)),
            BookingAction.Confirm => f.Flow switch
            {
                BookingFlow.Cancel => F(p.ConfirmCancel, Target(p, f, culture)),
                BookingFlow.Reschedule => F(p.ConfirmMove, Target(p, f, culture), When(p, f.Date, f.Time, culture)),
                _ => Join(Problem(p, f, culture), F(p.ConfirmBook, Summary(p, f, culture))),
            },
            BookingAction.Booked => F(f.Committed ? p.Booked : p.Booking, Summary(p, f, culture)),
            BookingAction.Cancelled => F(f.Committed ? p.CancelledDone : p.Cancelling, Target(p, f, culture)),
            BookingAction.Rescheduled => F(f.Committed ? p.Moved : p.Moving, When(p, f.Date, f.Time, culture)),
            BookingAction.Declined => f.Flow == BookingFlow.Book ? p.DeclinedBook : p.DeclinedChange,
            BookingAction.NotFound => p.NotFound,
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision.Action, null),
        };
    }

    private static string? Ask(ReplyPhrases p, BookingReplyFacts f) =>
        f.Asked is { } field ? p.Asks[ReplyLanguages.AskKey(field, field == BookingField.Time ? f.HourWithin : null)] : null;

    private static string? Problem(ReplyPhrases p, BookingReplyFacts f, CultureInfo culture) =>
        f.Problem is { } code && p.Problems.TryGetValue(code, out var text)
            ? string.Format(culture, text, code == BookingErrorCodes.PartyFixed && f.PartyLimit is { } n ? p.People(n) : f.PartyLimit)
            : null;

    private static string OptionsText(ReplyPhrases p, BookingReplyFacts f, CultureInfo culture)
    {
        if (f.Options.Count == 0)
        {
            return p.NoOptions;
        }

        var listed = f.Options.Select(o => o.LocalStart.Date == f.Date
            ? o.LocalStart.TimeOfDay.ToString(p.TimePattern, culture)
            : When(p, o.LocalStart.Date, o.LocalStart.TimeOfDay, culture));
        return string.Format(culture, p.Options, string.Join(", ", listed));
    }

    private static string Summary(ReplyPhrases p, BookingReplyFacts f, CultureInfo culture)
    {
        var text = string.Format(culture, p.Summary, f.ServiceName, f.PartySize is { } n ? p.People(n) : "?", When(p, f.Date, f.Time, culture));
        return f.Name is null ? text : $"{text}, {p.Under} {f.Name}";
    }

    private static string Target(ReplyPhrases p, BookingReplyFacts f, CultureInfo culture) =>
        f.Target is { } t
            ? string.Format(culture, p.Summary, t.ServiceName, p.People(t.PartySize), When(p, t.LocalStart.Date, t.LocalStart.TimeOfDay, culture))
            : "?";

    /// <summary>A date and time as the replies say it ("Thursday, March 5 at 7:00 PM"), which the reader reads back.</summary>
    internal static string When(ReplyPhrases p, LocalDate? date, LocalTime? time, CultureInfo culture) =>
        string.Format(culture, p.When, date?.ToString(p.DatePattern, culture) ?? "?", time?.ToString(p.TimePattern, culture) ?? "?");

    private static string Capitalise(string text, CultureInfo culture) =>
        text.Length == 0 ? text : char.ToUpper(text[0], culture) + text[1..];

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(s => !string.IsNullOrWhiteSpace(s)));
}
