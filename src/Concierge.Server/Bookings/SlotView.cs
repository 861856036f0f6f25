namespace Concierge.Server.Bookings;

/// <summary>One slot of a day: its start with the tenant's offset, its local time, and what is left.</summary>
public sealed record SlotView(DateTimeOffset Start, string LocalTime, int Capacity, int Used, int Free, string Status);
