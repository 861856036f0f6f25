using Concierge.Bookings.Reading;
using Concierge.Conversations;
using NodaTime;

namespace Concierge.Bookings.Conversation;

/// <summary>One turn of <see cref="BookingDecider"/>: the booking flow.</summary>
internal sealed partial class BookingTurn(IBookingPorts ports, DateTimeZone zone, DateTimeOffset now, CancellationToken cancellationToken)
{
    private const int OptionCount = 3;

    public async Task<BookingDecision> BookAsync(BookingState state, BookingSlots proposal)
    {
        if (state.BookingId is not null && state.Offered is null)
        {
            if (!proposal.GivesFacts && proposal.Intent != BookingIntent.WhatsFree)
            {
                return Decide(state, BookingAction.Booked, Facts(state) with { Committed = true, BookingId = state.BookingId });
            }

            state = state.Fresh(BookingFlow.Book) with { BookingId = null };
        }

        var offered = state.Offered;
        (state, var changed) = Merge(PickAlternative(state, proposal), proposal);
        if (offered is not null && !changed && proposal.Confirms is { } answer)
        {
            return answer ? await CommitAsync(state, offered) : Declined(state, BookingFlow.Book);
        }

        state = state with { Offered = null, Alternatives = [] };
        var problems = proposal.PartySize is > 0 and var askedParty && state.Service?.FixedPartySize() is { } fixedParty && askedParty != fixedParty
            ? [.. proposal.Problems, new BookingRequestError(BookingFieldNames.Of(BookingField.PartySize), BookingErrorCodes.PartyFixed, $"Each booking is for {fixedParty}.")]
            : proposal.Problems;
        return proposal.Intent == BookingIntent.WhatsFree ? await OfferAsync(state) : await ProgressAsync(state, problems);
    }

    /// <summary>Asks the first missing field, stops at a full or unbookable slot, or asks to confirm.</summary>
    private async Task<BookingDecision> ProgressAsync(BookingState state, IReadOnlyList<BookingRequestError> problems)
    {
        if (state.Service is { } service && state.PartySize is { } party && !service.AcceptsPartyOf(party))
        {
            var tooBig = party > service.MaxPartySize;
            return Decide(state with { PartySize = null, Pending = BookingField.PartySize }, BookingAction.Unavailable, Facts(state) with
            {
                Asked = BookingField.PartySize,
                Problem = tooBig ? BookingErrorCodes.TooLarge : BookingErrorCodes.TooSmall,
                PartyLimit = tooBig ? service.MaxPartySize : Math.Max(1, service.MinPartySize),
            });
        }

        SlotOption? slot = null;
        if (state.Service is { } bookable && state.Date is { } date && state.Time is { } time)
        {
            var check = await CheckAsync(bookable.Id, date, time, state.AlternativeTime, state.PartySize);
            state = state with { Time = check.Time, AlternativeTime = check.Time == time ? state.AlternativeTime : null };
            if (check.Verdict is { } verdict)
            {
                return verdict(state);
            }

            slot = check.Slot;
        }

        // A party size the service fixes is taken as fixed; a different number the customer named is said once.
        var partyFixed = problems.Any(p => p.Code == BookingErrorCodes.PartyFixed) ? state.PartySize : null;
        var missing = Missing(state);
        if (missing.Count > 0)
        {
            var asked = missing[0];
            var problem = problems.FirstOrDefault(p => p.Field == BookingFieldNames.Of(asked))?.Code;
            return Decide(state with { Pending = asked }, BookingAction.Ask, Facts(state) with
            {
                Asked = asked,
                Options = asked == BookingField.Time ? await FreeThatDayAsync(state) : [],
                HourWithin = asked == BookingField.Time ? state.PartOfDay : null,
                Problem = problem ?? (partyFixed is null ? null : BookingErrorCodes.PartyFixed),
                PartyLimit = problem is null ? partyFixed : null,
            });
        }

        return Decide(state with { Offered = slot, Pending = null }, BookingAction.Confirm, Facts(state) with
        {
            Problem = partyFixed is null ? null : BookingErrorCodes.PartyFixed,
            PartyLimit = partyFixed,
        });
    }

    /// <summary>The yes: re-checks the slot (someone may have taken it since the question) and returns the effect.</summary>
    private async Task<BookingDecision> CommitAsync(BookingState state, SlotOption offered)
    {
        var service = state.Service!;
        var capacity = await ports.FreeCapacityAsync(service.Id, offered.Start, cancellationToken);
        if (!capacity.Fits(state.PartySize!.Value))
        {
            var options = await ports.NearestFreeAsync(service.Id, offered.Start, state.PartySize.Value, OptionCount, cancellationToken);
            return Decide(state with { Offered = null, Time = null, Alternatives = options, Pending = BookingField.Time }, BookingAction.Full, Facts(state) with { Options = options });
        }

        var effect = new CreateBooking(service.Id, offered.Start, state.PartySize.Value, state.Name!, state.Contact!);
        return Decide(state with { Offered = null, Pending = null }, BookingAction.Booked, Facts(state), [effect]);
    }

    /// <summary>"What's free?": the nearest free slots to what is known (today, midday, a party of one by default).</summary>
    private async Task<BookingDecision> OfferAsync(BookingState state)
    {
        if (state.Service is not { } service)
        {
            return Decide(state with { Pending = BookingField.Service }, BookingAction.Ask, Facts(state) with { Asked = BookingField.Service });
        }

        var date = state.Date ?? TenantZones.Today(zone, now);
        var around = TenantZones.ToUtcLenient(zone, date.At(state.Time ?? AroundTime(state.PartOfDay)));
        var party = state.PartySize ?? 1;
        var options = state.Time is null && state.PartOfDay is null
            ? await SpreadOverTheDayAsync(service.Id, date, around, party, 5)
            : [.. (await ports.NearestFreeAsync(service.Id, around, party, 5, cancellationToken)).OrderBy(o => o.Start)];
        return Decide(state with { Alternatives = options, Pending = BookingField.Time }, BookingAction.Offer, Facts(state) with { Options = options });
    }

    // "What's free on Saturday?" with no hour: times from the day's first free slot to its last, in
    // order, rather than those around midday (12:00, 12:30, 13:00...), which say nothing of the evening.
    private async Task<IReadOnlyList<SlotOption>> SpreadOverTheDayAsync(Guid serviceId, LocalDate date, DateTimeOffset midday, int party, int offered)
    {
        var nearest = await ports.NearestFreeAsync(serviceId, midday, party, 96, cancellationToken);
        var day = nearest.Where(o => o.LocalStart.Date == date).OrderBy(o => o.Start).ToList();
        if (day.Count <= offered)
        {
            return day.Count > 0 ? day : [.. nearest.Take(offered).OrderBy(o => o.Start)];
        }

        return [.. Enumerable.Range(0, offered).Select(i => day[(int)Math.Round(i * (day.Count - 1) / (double)(offered - 1))])];
    }

    /// <summary>
    /// When only the hour is missing: the free slots of the asked day, in time order, so a channel can
    /// offer them as choices; the question itself stays short. Around the part of day named, else
    /// spread over the whole day (an evening service's choices are not all its midday slots).
    /// </summary>
    private async Task<IReadOnlyList<SlotOption>> FreeThatDayAsync(BookingState state)
    {
        if (state.Service is not { } service || state.Date is not { } date)
        {
            return [];
        }

        var around = TenantZones.ToUtcLenient(zone, date.At(AroundTime(state.PartOfDay)));
        if (state.PartOfDay is null)
        {
            var spread = await SpreadOverTheDayAsync(service.Id, date, around, state.PartySize ?? 1, ReplyChoice.MaxCount);
            return [.. spread.Where(o => o.LocalStart.Date == date)];
        }

        var nearest = await ports.NearestFreeAsync(service.Id, around, state.PartySize ?? 1, ReplyChoice.MaxCount, cancellationToken);
        return [.. nearest.Where(o => o.LocalStart.Date == date).OrderBy(o => o.Start)];
    }

    private static LocalTime AroundTime(PartOfDay? part) => part switch
    {
        PartOfDay.Morning => new LocalTime(10, 0),
        PartOfDay.Afternoon => new LocalTime(15, 0),
        PartOfDay.Evening => new LocalTime(20, 0),
        PartOfDay.Night => new LocalTime(23, 0),
        _ => new LocalTime(13, 0),
    };

    private static BookingDecision Declined(BookingState state, BookingFlow flow)
    {
        var next = flow == BookingFlow.Book ? state with { Offered = null, Pending = null } : state.Fresh(BookingFlow.Book);
        return Decide(next, BookingAction.Declined, Facts(state) with { Flow = flow, Target = state.Target });
    }

    /// <summary>The reader's values over the state's; a part of day without an hour clears the old hour.</summary>
    private static (BookingState State, bool Changed) Merge(BookingState state, BookingSlots proposal)
    {
        var next = state with
        {
            Service = proposal.Service ?? state.Service,
            Date = proposal.Date ?? state.Date,
            Time = proposal.Time ?? (proposal.NeedsHourFor is not null ? null : state.Time),
            AlternativeTime = proposal.Time is not null || proposal.NeedsHourFor is not null ? proposal.AlternativeTime : state.AlternativeTime,
            PartOfDay = proposal.NeedsHourFor ?? (proposal.Time is not null ? null : state.PartOfDay),
            PartySize = proposal.PartySize is > 0 ? proposal.PartySize : state.PartySize,
            Name = proposal.Name ?? state.Name,
            Contact = proposal.Contact ?? state.Contact,
        };
        if (next.Service?.FixedPartySize() is { } fixedParty)
        {
            next = next with { PartySize = fixedParty };
        }

        var changed = next.Service != state.Service || next.Date != state.Date || next.Time != state.Time
            || next.PartySize != state.PartySize || next.Name != state.Name || next.Contact != state.Contact;
        return (next, changed);
    }

    /// <summary>A yes to a single listed slot, or an hour that matches one listed slot, takes that slot's date and time.</summary>
    private static BookingState PickAlternative(BookingState state, BookingSlots proposal)
    {
        var picked = state.Alternatives switch
        {
            [var only] when proposal.Confirms == true && proposal.Time is null && proposal.Date is null => only,
            { Count: > 0 } listed when proposal.Time is { } time && proposal.Date is null =>
                listed.Where(o => o.LocalStart.TimeOfDay == time || o.LocalStart.TimeOfDay == proposal.AlternativeTime).Take(2).ToList() is [var one] ? one : null,
            _ => null,
        };
        return picked is null ? state : state with { Date = picked.LocalStart.Date, Time = picked.LocalStart.TimeOfDay, AlternativeTime = null };
    }

    private static List<BookingField> Missing(BookingState state) =>
        new (BookingField Field, bool Known)[]
        {
            (BookingField.Service, state.Service is not null),
            (BookingField.Date, state.Date is not null),
            (BookingField.Time, state.Time is not null),
            (BookingField.PartySize, state.PartySize is not null),
            (BookingField.Name, state.Name is not null),
            (BookingField.Contact, state.Contact is not null),
        }.Where(f => !f.Known).Select(f => f.Field).ToList();

    private static BookingReplyFacts Facts(BookingState state) => new()
    {
        Flow = state.Flow,
        ServiceName = state.Service?.Name,
        Date = state.Date,
        Time = state.Time,
        PartySize = state.PartySize,
        Name = state.Name,
        Contact = state.Contact,
        Target = state.Target,
    };

    private static BookingDecision Decide(BookingState state, BookingAction action, BookingReplyFacts facts, IReadOnlyList<BookingEffect>? effects = null) =>
        new(state, action, MissingFor(state), facts, effects ?? []);
}
