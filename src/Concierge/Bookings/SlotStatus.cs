namespace Concierge.Bookings;

/// <summary>Whether a slot start can be booked now, and if not, why.</summary>
public enum SlotStatus
{
    Open,
    Full,
    Past,
    TooSoon,
    BeyondHorizon,
    Closed,
    OutsideHours,
}
