using Concierge.Bookings;
using Concierge.Bookings.Store;
using NodaTime;

namespace Concierge.Server.Bookings;

/// <summary>
/// Turns a request's <c>start</c> (and optional <c>time_zone</c>) into a validated UTC start for a
/// service, or the first problem, named by the request's field: the date and time parts of the
/// validator's answer are both the <c>start</c> field here.
/// </summary>
public static class BookingStartReader
{
    public static (DateTimeOffset? Start, BookingRequestError? Error, IReadOnlyList<BookingRequestError> All) Read(
        string? start, string? timeZone, int partySize, BookableService found, BookingPolicy policy, DateTimeOffset now)
    {
        var tenantZone = policy.FindZone();
        if (tenantZone is null)
        {
            return Fail(new("time_zone", BookingErrorCodes.UnknownTimeZone, $"The tenant's time zone '{policy.TimeZoneId}' is not an IANA zone; fix it with PUT /api/v1/booking-policy."));
        }

        var writtenIn = tenantZone;
        if (timeZone is not null && TenantZones.Find(timeZone) is not { } named)
        {
            return Fail(new("time_zone", BookingErrorCodes.UnknownTimeZone, $"'{Shorten(timeZone)}' is not an IANA time zone (\"America/New_York\")."));
        }
        else if (timeZone is not null)
        {
            writtenIn = TenantZones.Find(timeZone)!;
        }

        var input = BookingStartText.Parse(start, tenantZone, partySize);
        if (input is null)
        {
            return Fail(new("start", "malformed_start", "'start' must be a date and time such as \"2026-12-05T19:00\" (tenant's local time) or with an offset."));
        }

        if (!ReferenceEquals(writtenIn, tenantZone) && HasNoOffset(start!) && InZone(input, writtenIn, tenantZone) is { } moved)
        {
            input = moved;
        }

        var validation = BookingRequestValidator.Validate(input, found.Service, policy, found.Hours, now);
        if (!validation.IsValid)
        {
            var all = validation.Errors.Select(e => e.Field is BookingFieldNames.Date or BookingFieldNames.Time ? e with { Field = "start" } : e).ToList();
            return (null, all[0], all);
        }

        return (validation.Start, null, []);
    }

    private static bool HasNoOffset(string start) =>
        !start.TrimEnd().EndsWith('Z') && !start.TrimEnd().EndsWith('z') && start.Trim().Length <= 19;

    /// <summary>A local time written in another zone, as the tenant's local time; null when it is not a real date-time there (the validator then reports it).</summary>
    private static BookingRequestInput? InZone(BookingRequestInput input, DateTimeZone from, DateTimeZone to)
    {
        if (input.Month is < 1 or > 12 || input.Day < 1 || input.Day > DateTime.DaysInMonth(Math.Max(1, input.Year), input.Month) || input.Hour > 23 || input.Minute > 59)
        {
            return null;
        }

        var local = new LocalDateTime(input.Year, input.Month, input.Day, input.Hour, input.Minute);
        if (TenantZones.ToUtc(from, local) is not { } utc)
        {
            return null;
        }

        var there = TenantZones.ToLocal(to, utc);
        return input with { Year = there.Year, Month = there.Month, Day = there.Day, Hour = there.Hour, Minute = there.Minute };
    }

    private static (DateTimeOffset?, BookingRequestError?, IReadOnlyList<BookingRequestError>) Fail(BookingRequestError error) => (null, error, [error]);

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
