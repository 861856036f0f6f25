using Concierge.Bookings.Conversation;

namespace Concierge.Bookings.Store;

/// <summary>What one booking turn of a tenant works with: its policy, its services and the read-only ports over its bookings.</summary>
public sealed record BookingDesk(BookingPolicy Policy, IReadOnlyList<BookableService> Services, IBookingPorts Ports);
