namespace Concierge.Bookings;

/// <summary>
/// What a service's capacity counts. Seats are taken one per guest; a chef or a table is taken whole by
/// one booking, whatever the party size (within the service's party limits).
/// </summary>
public enum CapacityUnit
{
    Seats,
    Chefs,
    Tables,
}
