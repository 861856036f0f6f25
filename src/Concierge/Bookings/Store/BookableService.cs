namespace Concierge.Bookings.Store;

/// <summary>A service as the catalogue stores it: what it is, and when it can be booked.</summary>
public sealed record BookableService(Service Service, OpeningHours Hours);
