using NodaTime;

namespace Concierge.Bookings;

/// <summary>A tenant's booking rules.</summary>
/// <param name="TimeZoneId">The IANA zone the tenant's hours are written in ("America/Santiago").</param>
/// <param name="SlotLength">The grid bookings start on, from each interval's opening time.</param>
/// <param name="LeadTime">No booking may start sooner than this after now.</param>
/// <param name="Horizon">No booking may be on a local date later than today plus this.</param>
public sealed record BookingPolicy(string TimeZoneId, TimeSpan SlotLength, TimeSpan LeadTime, TimeSpan Horizon)
{
    /// <summary>The zone from the tzdb copy NodaTime ships, or null when the id is not an IANA zone.</summary>
    public DateTimeZone? FindZone() => TenantZones.Find(TimeZoneId);

    /// <summary>The last local date bookable when it is <paramref name="today"/> locally.</summary>
    public LocalDate LastBookableDate(LocalDate today) => today.PlusDays((int)Math.Floor(Horizon.TotalDays));
}
