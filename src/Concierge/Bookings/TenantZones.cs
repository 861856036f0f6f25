using NodaTime;
using NodaTime.TimeZones;

namespace Concierge.Bookings;

/// <summary>
/// The one place local times become instants. A local time in a spring-forward gap does not exist
/// and maps to nothing (no slot is invented by shifting it); a local time in a fall-back overlap maps
/// to its earlier instant, so each local slot exists exactly once.
/// </summary>
public static class TenantZones
{
    public static DateTimeZone? Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    /// <summary>The UTC instant of <paramref name="local"/>, or null when it falls in a gap.</summary>
    public static DateTimeOffset? ToUtc(DateTimeZone zone, LocalDateTime local)
    {
        var mapping = zone.MapLocal(local);
        return mapping.Count == 0 ? null : mapping.First().ToInstant().ToDateTimeOffset();
    }

    /// <summary>Like <see cref="ToUtc"/> but a time in a gap moves forward by the gap, for ordering only.</summary>
    public static DateTimeOffset ToUtcLenient(DateTimeZone zone, LocalDateTime local) =>
        zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant().ToDateTimeOffset();

    public static LocalDateTime ToLocal(DateTimeZone zone, DateTimeOffset utc) =>
        Instant.FromDateTimeOffset(utc).InZone(zone).LocalDateTime;

    public static LocalDate Today(DateTimeZone zone, DateTimeOffset now) => ToLocal(zone, now).Date;
}
