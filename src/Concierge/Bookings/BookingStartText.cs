using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Concierge.Bookings;

/// <summary>
/// A booking's "start" as an API sends it: "2026-12-05T19:00" in the tenant's local time, or with an
/// offset ("...-05:00", "...Z"), which is then converted to the tenant's local time. Read into plain
/// numbers first so that 31 February reaches the validator as an impossible date, not a parse error.
/// </summary>
public static partial class BookingStartText
{
    /// <summary>The request in the tenant's calendar, or null when the text is not a date-time at all.</summary>
    public static BookingRequestInput? Parse(string? text, DateTimeZone tenantZone, int partySize)
    {
        var m = Pattern().Match(text?.Trim() ?? string.Empty);
        if (!m.Success)
        {
            return null;
        }

        int Part(string name) => int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        var input = new BookingRequestInput(Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"), partySize);
        if (!m.Groups["offset"].Success)
        {
            return input;
        }

        var valid = input.Month is >= 1 and <= 12 && input.Day >= 1 && input.Day <= DateTime.DaysInMonth(Math.Max(1, input.Year), input.Month)
            && input.Hour < 24 && input.Minute < 60;
        if (!valid)
        {
            return input;
        }

        var sign = m.Groups["offset"].Value;
        var offset = sign is "Z" or "z"
            ? TimeSpan.Zero
            : (sign[0] == '-' ? -1 : 1) * new TimeSpan(int.Parse(sign[1..3], CultureInfo.InvariantCulture), int.Parse(sign[4..6], CultureInfo.InvariantCulture), 0);
        if (offset.Duration() > TimeSpan.FromHours(14) || offset.Minutes >= 60)
        {
            return null;
        }

        var instant = new DateTimeOffset(input.Year, input.Month, input.Day, input.Hour, input.Minute, 0, offset);
        var local = TenantZones.ToLocal(tenantZone, instant);
        return new BookingRequestInput(local.Year, local.Month, local.Day, local.Hour, local.Minute, partySize);
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})[T ](?<h>\d{2}):(?<mi>\d{2})(?::00(?:\.0+)?)?(?<offset>Z|z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
