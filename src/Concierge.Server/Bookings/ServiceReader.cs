using System.Text.RegularExpressions;
using Concierge.Bookings;
using Concierge.Bookings.Store;
using NodaTime;
using NodaTime.Text;

namespace Concierge.Server.Bookings;

/// <summary>Checks a <see cref="ServiceRequest"/> field by field; the first problem is answered as a 422 naming its field.</summary>
public static partial class ServiceReader
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static (BookableService? Service, BookingRequestError? Error) Read(ServiceRequest request, Guid tenantId, DateTimeOffset now)
    {
        if (request.Key is null || !KeyPattern().IsMatch(request.Key))
        {
            return Fail("key", "invalid_key", "'key' is required: 1-40 lower-case letters, digits or '-' (\"hibachi\").");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return Fail("name", "required", "'name' is required (up to 200 characters).");
        }

        if (request.DurationMinutes is not (>= 5 and <= 1440))
        {
            return Fail("duration_minutes", "out_of_range", "'duration_minutes' must be 5 to 1440.");
        }

        if (request.Capacity is not (>= 1 and <= 100000))
        {
            return Fail("capacity", "out_of_range", "'capacity' must be 1 to 100000.");
        }

        if (!Enum.TryParse<CapacityUnit>(request.Unit ?? "seats", ignoreCase: true, out var unit) || int.TryParse(request.Unit, out _))
        {
            return Fail("unit", "invalid_unit", "'unit' must be seats, chefs or tables.");
        }

        if (request.FixedParty is { } fixedParty)
        {
            if (request.MinParty is not null || request.MaxParty is not null)
            {
                return Fail("fixed_party", "conflict", "Give 'fixed_party' or 'min_party'/'max_party', not both.");
            }

            if (fixedParty is < 1 or > 10000 || (unit == CapacityUnit.Seats && fixedParty > request.Capacity.Value))
            {
                return Fail("fixed_party", "out_of_range", "'fixed_party' must be 1 to 10000 (and no more than 'capacity' for seats): 1 for one person per booking.");
            }
        }

        var min = request.FixedParty ?? request.MinParty ?? 1;
        var max = request.FixedParty ?? request.MaxParty ?? (unit == CapacityUnit.Seats ? request.Capacity.Value : 20);
        if (min is < 1 or > 10000)
        {
            return Fail("min_party", "out_of_range", "'min_party' must be 1 to 10000.");
        }

        if (max < min || max > 10000)
        {
            return Fail("max_party", "out_of_range", "Party limits need 1 <= min_party <= max_party <= 10000.");
        }

        var hours = OpeningHours.Closed;
        foreach (var (day, pairs) in request.Hours ?? [])
        {
            var days = day == "every_day" ? OpeningHours.EveryDay
                : Enum.TryParse<IsoDayOfWeek>(day, ignoreCase: true, out var weekday) && weekday != IsoDayOfWeek.None && !int.TryParse(day, out _) ? [weekday]
                : null;
            if (days is null || Intervals(pairs) is not { } intervals)
            {
                return Fail("hours", "invalid_hours", $"hours.{day} must be a weekday (or every_day) with [\"HH:mm\",\"HH:mm\"] pairs, each closing after it opens.");
            }

            hours = hours.With(days, intervals);
        }

        foreach (var text in request.ClosedDates ?? [])
        {
            if (LocalDatePattern.Iso.Parse(text ?? string.Empty) is not { Success: true } date)
            {
                return Fail("closed_dates", BookingErrorCodes.ImpossibleDate, $"'{text}' is not a calendar date (yyyy-MM-dd).");
            }

            hours = hours.Except(new ClosedDay(date.Value));
        }

        foreach (var (text, pairs) in request.SpecialHours ?? [])
        {
            if (LocalDatePattern.Iso.Parse(text) is not { Success: true } date || Intervals(pairs) is not { } intervals)
            {
                return Fail("special_hours", "invalid_hours", $"special_hours.{text} must be a calendar date with [\"HH:mm\",\"HH:mm\"] pairs.");
            }

            hours = hours.Except(new SpecialHours(date.Value, intervals));
        }

        var service = new Service(
            Guid.CreateVersion7(now), tenantId, request.Key, request.Name.Trim(), TimeSpan.FromMinutes(request.DurationMinutes.Value), request.Capacity.Value, unit, min, max);
        return (new BookableService(service, hours), null);
    }

    private static OpeningInterval[]? Intervals(string[][]? pairs)
    {
        var intervals = new List<OpeningInterval>();
        foreach (var pair in pairs ?? [])
        {
            if (pair is not [var opens, var closes] || Time.Parse(opens ?? string.Empty) is not { Success: true } o || Time.Parse(closes ?? string.Empty) is not { Success: true } c
                || (c.Value != LocalTime.Midnight && c.Value <= o.Value))
            {
                return null;
            }

            intervals.Add(new OpeningInterval(o.Value, c.Value));
        }

        return [.. intervals];
    }

    private static (BookableService?, BookingRequestError?) Fail(string field, string code, string detail) => (null, new BookingRequestError(field, code, detail));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
