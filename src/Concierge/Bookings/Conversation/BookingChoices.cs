using System.Globalization;
using Concierge.Bookings.Reading;
using Concierge.Conversations;

namespace Concierge.Bookings.Conversation;

/// <summary>
/// The answers a booking reply offers as choices: the services when it asks which, the free slots
/// when it asks (or offers) a time, yes and no when it asks to confirm. Each id is the text a customer
/// would type for it, so a tap is read by the same reader as typing and advances the conversation the
/// same way.
/// </summary>
public static class BookingChoices
{
    /// <summary>Fewer services than this are not worth a choice (one is taken without asking).</summary>
    private const int MinServices = 2;

    public static IReadOnlyList<ReplyChoice> For(BookingDecision decision, IReadOnlyList<Service> services)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(services);
        var f = decision.Facts;
        return decision.Action switch
        {
            BookingAction.Confirm => YesNo(decision.State.Language),
            BookingAction.Ask when f.Asked == BookingField.Service => Services(services),
            BookingAction.Ask when f.Asked == BookingField.Time => Slots(decision.State.Language, f.Options),
            BookingAction.Offer or BookingAction.Full or BookingAction.Unavailable when f.Asked != BookingField.PartySize => Slots(decision.State.Language, f.Options),
            _ => [],
        };
    }

    private static ReplyChoice[] YesNo(string language) => language switch
    {
        "es" => [new("sí", "Sí"), new("no", "No")],
        "pt" => [new("sim", "Sim"), new("não", "Não")],
        _ => [new("yes", "Yes"), new("no", "No")],
    };

    /// <summary>The services by name, only those whose name the reader takes back to that very service.</summary>
    private static ReplyChoice[] Services(IReadOnlyList<Service> services)
    {
        if (services.Count is < MinServices or > ReplyChoice.MaxCount)
        {
            return [];
        }

        return [.. services
            .Where(s => ReferenceEquals(ServiceMatching.Find(ReadingBuffer.Fold(s.Name), services), s))
            .Select(s => new ReplyChoice(s.Name, s.Name))];
    }

    /// <summary>
    /// Each slot's id is its full date and time as the replies say it; its title is the hour alone
    /// when every slot is on the same day, otherwise a short date and the hour.
    /// </summary>
    private static ReplyChoice[] Slots(string language, IReadOnlyList<SlotOption> options)
    {
        var p = ReplyLanguages.For(language);
        var culture = CultureInfo.GetCultureInfo(p.Culture);
        var oneDay = options.Select(o => o.LocalStart.Date).Distinct().Count() == 1;
        return [.. options.Take(ReplyChoice.MaxCount).Select(o =>
        {
            var time = o.LocalStart.TimeOfDay.ToString(p.TimePattern, culture);
            var title = oneDay ? time : $"{o.LocalStart.Date.ToString("ddd d MMM", culture)} {time}";
            return new ReplyChoice(BookingReplies.When(p, o.LocalStart.Date, o.LocalStart.TimeOfDay, culture), title);
        })];
    }
}
