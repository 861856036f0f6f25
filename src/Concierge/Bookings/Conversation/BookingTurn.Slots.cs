using NodaTime;

namespace Concierge.Bookings.Conversation;

/// <summary>Checking one asked slot against the store.</summary>
internal sealed partial class BookingTurn
{
    /// <summary>The asked slot's outcome: a slot that fits, or a ready decision (full, unbookable) for the state.</summary>
    private sealed record SlotCheck(LocalTime Time, SlotOption? Slot, Func<BookingState, BookingDecision>? Verdict);

    /// <summary>
    /// Looks the asked start up. An am/pm-less hour outside the hours is tried in the other half of the
    /// day ("a las 8" at a dinner place is 20:00). A party size not known yet is checked as one guest,
    /// so a slot with no room at all stops the conversation before the name is asked.
    /// </summary>
    private async Task<SlotCheck> CheckAsync(Guid serviceId, LocalDate date, LocalTime time, LocalTime? alternative, int? partySize)
    {
        var (start, capacity) = await LookAsync(serviceId, date, time);
        if (capacity.Status is SlotStatus.OutsideHours or SlotStatus.Closed && alternative is { } other)
        {
            var (otherStart, otherCapacity) = await LookAsync(serviceId, date, other);
            if (otherCapacity.Status is not (SlotStatus.OutsideHours or SlotStatus.Closed) && otherStart is not null)
            {
                (start, capacity, time) = (otherStart, otherCapacity, other);
            }
        }

        var party = partySize ?? 1;
        var around = start ?? TenantZones.ToUtcLenient(zone, date.At(time));
        if (capacity.Status == SlotStatus.Open && capacity.Fits(party))
        {
            return new SlotCheck(time, new SlotOption(start!.Value, date.At(time), capacity.Free), null);
        }

        var options = await ports.NearestFreeAsync(serviceId, around, party, OptionCount, cancellationToken);
        var problem = ProblemOf(capacity.Status, start is null);
        if (problem is null)
        {
            return new SlotCheck(time, null, s => Decide(
                s with { Time = null, AlternativeTime = null, Offered = null, Alternatives = options, Pending = BookingField.Time },
                BookingAction.Full,
                Facts(s) with { Options = options }));
        }

        // A date that cannot be booked at all is asked again; otherwise only the hour is.
        var dateProblem = problem is BookingErrorCodes.Closed or BookingErrorCodes.TooFarAhead;
        var asked = dateProblem ? BookingField.Date : BookingField.Time;
        return new SlotCheck(time, null, s => Decide(
            s with
            {
                Date = dateProblem ? null : s.Date,
                Time = null,
                AlternativeTime = null,
                Offered = null,
                Alternatives = options,
                Pending = asked,
            },
            BookingAction.Unavailable,
            Facts(s) with { Options = options, Problem = problem, Asked = asked }));
    }

    private async Task<(DateTimeOffset? Start, SlotCapacity Capacity)> LookAsync(Guid serviceId, LocalDate date, LocalTime time)
    {
        var start = TenantZones.ToUtc(zone, date.At(time));
        if (start is null)
        {
            return (null, SlotCapacity.Unavailable(SlotStatus.OutsideHours));
        }

        return (start, await ports.FreeCapacityAsync(serviceId, start.Value, cancellationToken));
    }

    /// <summary>The error code for a slot that is not open, or null for a full one (a party that does not fit).</summary>
    private static string? ProblemOf(SlotStatus status, bool inGap) => inGap ? BookingErrorCodes.NonexistentLocalTime : status switch
    {
        SlotStatus.Past => BookingErrorCodes.InPast,
        SlotStatus.TooSoon => BookingErrorCodes.BeforeLeadTime,
        SlotStatus.BeyondHorizon => BookingErrorCodes.TooFarAhead,
        SlotStatus.Closed => BookingErrorCodes.Closed,
        SlotStatus.OutsideHours => BookingErrorCodes.OutsideHours,
        _ => null,
    };
}
