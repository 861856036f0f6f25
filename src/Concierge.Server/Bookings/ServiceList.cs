namespace Concierge.Server.Bookings;

public sealed record ServiceList(IReadOnlyList<ServiceView> Services);
