using NodaTime;

namespace Concierge.Bookings;

/// <summary>
/// The slots of one service for a local date, computed from the tenant's hours and policy, the
/// existing bookings and now. Pure: the caller reads the bookings, this only counts.
/// Slots start at each interval's opening time every <see cref="BookingPolicy.SlotLength"/> and must
/// end by its closing time. Local starts in a DST gap are left out; starts in an overlap are the
/// earlier instant (see <see cref="TenantZones"/>).
/// </summary>
public sealed class Availability
{
    private readonly Service _service;
    private readonly BookingPolicy _policy;
    private readonly OpeningHours _hours;

    /// <exception cref="ArgumentException">The policy's time zone is not an IANA zone (the validator reports it per request).</exception>
    public Availability(Service service, BookingPolicy policy, OpeningHours hours)
    {
        if (policy.SlotLength <= TimeSpan.Zero || service.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentException("Slot length and service duration must be positive.", nameof(policy));
        }

        Zone = policy.FindZone() ?? throw new ArgumentException($"'{policy.TimeZoneId}' is not an IANA time zone.", nameof(policy));
        _service = service;
        _policy = policy;
        _hours = hours;
    }

    public DateTimeZone Zone { get; }

    /// <summary>Every slot of <paramref name="date"/> in time order, each with its status now.</summary>
    public IReadOnlyList<Slot> SlotsOn(LocalDate date, IEnumerable<BookedParty> bookings, DateTimeOffset now)
    {
        var booked = bookings.ToList();
        var lastDate = _policy.LastBookableDate(TenantZones.Today(Zone, now));
        var slots = new List<Slot>();
        foreach (var (local, start) in StartsOn(date))
        {
            var used = Occupancy.PeakDuring(_service, booked, start);
            var status = start < now ? SlotStatus.Past
                : start < now + _policy.LeadTime ? SlotStatus.TooSoon
                : date > lastDate ? SlotStatus.BeyondHorizon
                : used >= _service.CapacityPerSlot ? SlotStatus.Full
                : SlotStatus.Open;
            slots.Add(new Slot(start, local, _service.CapacityPerSlot, used, status));
        }

        return slots.OrderBy(s => s.Start).ToList();
    }

    /// <summary>The capacity at one start; Closed or OutsideHours when no slot starts there.</summary>
    public SlotCapacity CapacityAt(DateTimeOffset start, IEnumerable<BookedParty> bookings, DateTimeOffset now)
    {
        var date = TenantZones.ToLocal(Zone, start).Date;
        if (_hours.IsClosedOn(date))
        {
            return SlotCapacity.Unavailable(SlotStatus.Closed);
        }

        var slot = SlotsOn(date, bookings, now).FirstOrDefault(s => s.Start == start);
        return slot?.ToCapacity(_service) ?? SlotCapacity.Unavailable(SlotStatus.OutsideHours);
    }

    /// <summary>
    /// Up to <paramref name="count"/> bookable slots with room for the party, nearest to
    /// <paramref name="asked"/>: first that date by distance in time (earlier wins a tie), then each
    /// following date up to <paramref name="dayLimit"/> days by distance to the asked time of day, so
    /// a full Friday 20:00 offers Saturday 20:00 before Saturday noon.
    /// </summary>
    public IReadOnlyList<SlotOption> NearestFreeSlots(
        LocalDateTime asked, int partySize, int count, Func<LocalDate, IEnumerable<BookedParty>> bookingsOn, DateTimeOffset now, int dayLimit = 7)
    {
        var options = new List<SlotOption>();
        if (count <= 0 || !_service.AcceptsPartyOf(partySize))
        {
            return options;
        }

        var askedUtc = TenantZones.ToUtcLenient(Zone, asked);
        for (var day = 0; day <= dayLimit && options.Count < count; day++)
        {
            var date = asked.Date.PlusDays(day);
            var fitting = SlotsOn(date, bookingsOn(date), now).Where(s => s.Fits(_service, partySize));
            var ordered = day == 0
                ? fitting.OrderBy(s => (s.Start - askedUtc).Duration()).ThenBy(s => s.Start)
                : fitting.OrderBy(s => Math.Abs(s.LocalStart.TimeOfDay.NanosecondOfDay - asked.TimeOfDay.NanosecondOfDay)).ThenBy(s => s.Start);
            options.AddRange(ordered.Take(count - options.Count).Select(s => s.ToOption()));
        }

        return options;
    }

    private IEnumerable<(LocalDateTime Local, DateTimeOffset Start)> StartsOn(LocalDate date)
    {
        var step = Period.FromMinutes((long)_policy.SlotLength.TotalMinutes);
        foreach (var interval in _hours.On(date))
        {
            var (open, close) = interval.On(date);
            for (var local = open; local + step <= close; local += step)
            {
                if (TenantZones.ToUtc(Zone, local) is { } start)
                {
                    yield return (local, start);
                }
            }
        }
    }
}
