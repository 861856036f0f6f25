using NodaTime;

namespace Concierge.Bookings.Reading;

/// <summary>What the reader needs besides the text.</summary>
/// <param name="Now">The current instant (UTC); relative dates count from its local date in the tenant zone.</param>
/// <param name="TimeZoneId">The tenant's IANA zone; an unknown id falls back to UTC for "today".</param>
/// <param name="TenantLocale">A BCP 47 tag ("es-CL", "en-US"): its region is the phone default region and sets day/month order.</param>
/// <param name="LanguageHint">The conversation's language so far, used when the text itself shows none.</param>
/// <param name="Pending">The field the last reply asked for, so a bare "4" or "Ana" can be read as its answer.</param>
/// <param name="Services">The tenant's services, matched by key or name.</param>
public sealed record BookingReadContext(
    DateTimeOffset Now,
    string TimeZoneId,
    string TenantLocale,
    string? LanguageHint = null,
    BookingField? Pending = null,
    IReadOnlyList<Service>? Services = null)
{
    internal LocalDate Today => TenantZones.Today(TenantZones.Find(TimeZoneId) ?? DateTimeZone.Utc, Now);

    /// <summary>The tenant locale's region, upper case ("CL"), or a region for a bare language tag.</summary>
    internal string Region
    {
        get
        {
            var parts = TenantLocale.Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
            var region = parts.Skip(1).FirstOrDefault(p => p.Length == 2);
            if (region is not null)
            {
                return region.ToUpperInvariant();
            }

            // A bare language says little about the country; these are the likeliest, and a number
            // written with its + prefix is read whatever the region.
            return parts.FirstOrDefault()?.ToLowerInvariant() switch
            {
                "es" => "ES",
                "pt" => "BR",
                "en" => "US",
                _ => "ZZ",
            };
        }
    }

    /// <summary>Regions that write the month first (12/03 is December 3rd).</summary>
    internal bool MonthFirst => Region is "US" or "PH" or "FM" or "MH" or "PW";
}
