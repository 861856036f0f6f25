using NodaTime;

namespace Concierge.Bookings;

/// <summary>
/// Checks a booking request against a service, the tenant's policy and hours, without exceptions.
/// Every independent problem is reported (party size and date together); checks that need a valid
/// date or time are skipped when those are impossible. Capacity is not checked here: it needs the
/// store, and the store re-checks it inside the transaction that books.
/// </summary>
public static class BookingRequestValidator
{
    public static BookingValidation Validate(BookingRequestInput input, Service service, BookingPolicy policy, OpeningHours hours, DateTimeOffset now)
    {
        var errors = new List<BookingRequestError>();
        var zone = policy.FindZone();
        if (zone is null)
        {
            errors.Add(new(BookingFieldNames.TimeZone, BookingErrorCodes.UnknownTimeZone, $"'{policy.TimeZoneId}' is not an IANA time zone."));
        }

        CheckPartySize(input.PartySize, service, errors);
        var date = DateOf(input, errors);
        var time = TimeOf(input, errors);
        if (zone is null || date is not { } day)
        {
            return BookingValidation.Failed(errors);
        }

        var today = TenantZones.Today(zone, now);
        var intervals = hours.On(day);
        if (day < today)
        {
            errors.Add(new(BookingFieldNames.Date, BookingErrorCodes.InPast, $"{day:yyyy-MM-dd} is before today ({today:yyyy-MM-dd})."));
        }
        else if (day > policy.LastBookableDate(today))
        {
            errors.Add(new(BookingFieldNames.Date, BookingErrorCodes.TooFarAhead, $"Bookings open up to {policy.LastBookableDate(today):yyyy-MM-dd}."));
        }
        else if (intervals.Count == 0)
        {
            errors.Add(new(BookingFieldNames.Date, BookingErrorCodes.Closed, $"Closed on {day:yyyy-MM-dd}."));
        }

        if (errors.Count > 0 || time is not { } hour)
        {
            return BookingValidation.Failed(errors);
        }

        var local = day.At(hour);
        var start = TenantZones.ToUtc(zone, local);
        if (start is not { } utc)
        {
            errors.Add(new(BookingFieldNames.Time, BookingErrorCodes.NonexistentLocalTime, $"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (clocks move forward)."));
        }
        else if (utc < now)
        {
            errors.Add(new(BookingFieldNames.Time, BookingErrorCodes.InPast, $"{local:HH:mm} has already passed."));
        }
        else if (utc < now + policy.LeadTime)
        {
            errors.Add(new(BookingFieldNames.Time, BookingErrorCodes.BeforeLeadTime, $"Bookings need {policy.LeadTime.TotalHours:0.#} hours' notice."));
        }
        else if (!intervals.Any(i => Within(i, local, policy.SlotLength)))
        {
            errors.Add(new(BookingFieldNames.Time, BookingErrorCodes.OutsideHours, $"{local:HH:mm} is outside the opening hours."));
        }
        else if (!intervals.Any(i => OnGrid(i, local, policy.SlotLength)))
        {
            errors.Add(new(BookingFieldNames.Time, BookingErrorCodes.NotASlotStart, $"Bookings start every {policy.SlotLength.TotalMinutes:0} minutes from opening."));
        }

        return errors.Count > 0 ? BookingValidation.Failed(errors) : new BookingValidation([], local, start);
    }

    private static void CheckPartySize(int partySize, Service service, List<BookingRequestError> errors)
    {
        if (partySize < Math.Max(1, service.MinPartySize))
        {
            errors.Add(new(BookingFieldNames.PartySize, BookingErrorCodes.TooSmall, $"A party is at least {Math.Max(1, service.MinPartySize)}."));
        }
        else if (partySize > service.MaxPartySize)
        {
            errors.Add(new(BookingFieldNames.PartySize, BookingErrorCodes.TooLarge, $"{service.Name} takes parties of up to {service.MaxPartySize}."));
        }
    }

    private static LocalDate? DateOf(BookingRequestInput input, List<BookingRequestError> errors)
    {
        var valid = input.Year is >= 1 and <= 9999 && input.Month is >= 1 and <= 12
            && input.Day >= 1 && input.Day <= CalendarSystem.Iso.GetDaysInMonth(input.Year, input.Month);
        if (valid)
        {
            return new LocalDate(input.Year, input.Month, input.Day);
        }

        errors.Add(new(BookingFieldNames.Date, BookingErrorCodes.ImpossibleDate, $"{input.Year:0000}-{input.Month:00}-{input.Day:00} is not a calendar date."));
        return null;
    }

    private static LocalTime? TimeOf(BookingRequestInput input, List<BookingRequestError> errors)
    {
        if (input.Hour is >= 0 and <= 23 && input.Minute is >= 0 and <= 59)
        {
            return new LocalTime(input.Hour, input.Minute);
        }

        errors.Add(new(BookingFieldNames.Time, BookingErrorCodes.ImpossibleTime, $"{input.Hour:00}:{input.Minute:00} is not a time of day."));
        return null;
    }

    /// <summary>Whether a slot starting at <paramref name="local"/> would end by the interval's close.</summary>
    private static bool Within(OpeningInterval interval, LocalDateTime local, TimeSpan slot)
    {
        var (open, close) = interval.On(local.Date);
        return local >= open && local.PlusMinutes((long)slot.TotalMinutes) <= close;
    }

    private static bool OnGrid(OpeningInterval interval, LocalDateTime local, TimeSpan slot) =>
        Within(interval, local, slot)
        && Period.Between(interval.On(local.Date).Start, local, PeriodUnits.Minutes).Minutes % (long)slot.TotalMinutes == 0;
}
