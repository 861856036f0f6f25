using Concierge.Bookings;
using Concierge.Bookings.Store;
using NodaTime;

namespace Concierge.Server.Bookings;

/// <summary>A booking as the API shows it: times in the tenant's zone with their offset.</summary>
public sealed record BookingView(
    Guid Id,
    string Service,
    string ServiceName,
    DateTimeOffset Start,
    DateTimeOffset End,
    int PartySize,
    string Name,
    string Contact,
    string? CustomerId,
    Guid? SessionId,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static BookingView From(Booking b, DateTimeZone zone) => new(
        b.Id,
        b.ServiceKey,
        b.ServiceName,
        InZone(b.Start, zone),
        InZone(b.End, zone),
        b.PartySize,
        b.Name,
        b.Contact,
        b.CustomerId,
        b.SessionId,
        b.Status == BookingStatus.Booked ? "booked" : "cancelled",
        b.CreatedAt,
        b.UpdatedAt);

    public static DateTimeOffset InZone(DateTimeOffset utc, DateTimeZone zone) =>
        Instant.FromDateTimeOffset(utc).InZone(zone).ToDateTimeOffset();
}
