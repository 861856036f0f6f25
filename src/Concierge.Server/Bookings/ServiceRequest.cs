namespace Concierge.Server.Bookings;

/// <summary>
/// <c>POST /api/v1/services</c>. Hours are local "HH:mm" pairs per weekday
/// (<c>{"monday":[["11:00","22:00"]]}</c>, or <c>"every_day"</c>); <c>closed_dates</c> and
/// <c>special_hours</c> are the exceptions by ISO date. <c>fixed_party</c> (1 at a barbershop) makes
/// every booking that party size: min_party = max_party, and the booking conversation does not ask.
/// </summary>
public sealed record ServiceRequest(
    string? Key,
    string? Name,
    int? DurationMinutes,
    int? Capacity,
    string? Unit,
    int? MinParty,
    int? MaxParty,
    Dictionary<string, string[][]>? Hours,
    string[]? ClosedDates,
    Dictionary<string, string[][]>? SpecialHours,
    int? FixedParty = null);
