using Concierge.Bookings;
using NodaTime;

namespace Concierge.Tests.Bookings;

public class AvailabilityTests
{
    private static readonly Service Dinner = new(Guid.NewGuid(), Guid.NewGuid(), "dinner", "Dinner", TimeSpan.FromHours(2), 20, CapacityUnit.Seats, 1, 8);

    private static BookingPolicy Policy(string zone, double leadHours = 2) =>
        new(zone, TimeSpan.FromMinutes(30), TimeSpan.FromHours(leadHours), TimeSpan.FromDays(60));

    private static OpeningHours Hours(string opens, string closes) =>
        new OpeningHours().With(OpeningHours.EveryDay, OpeningInterval.Parse(opens, closes));

    private static string Times(IEnumerable<Slot> slots) => string.Join(" ", slots.Select(s => s.LocalStart.TimeOfDay.ToString("HH:mm", null)));

    private static string Utc(IEnumerable<Slot> slots) => string.Join(" ", slots.Select(s => s.Start.ToString("HH:mm", null)));

    [Fact]
    public void Slots_tile_each_interval_and_end_by_closing()
    {
        var hours = new OpeningHours().With(OpeningHours.EveryDay, OpeningInterval.Parse("12:00", "13:30"), OpeningInterval.Parse("20:00", "21:00"));
        var slots = new Availability(Dinner, Policy("Europe/Madrid"), hours).SlotsOn(new LocalDate(2026, 6, 10), [], new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("12:00 12:30 13:00 20:00 20:30", Times(slots));
        Assert.All(slots, s => Assert.Equal((SlotStatus.Open, 20, 20), (s.Status, s.Capacity, s.Free)));
    }

    [Fact]
    public void Madrid_spring_forward_leaves_out_the_missing_hour()
    {
        // 29 March 2026: 02:00 CET jumps to 03:00 CEST.
        var slots = new Availability(Dinner, Policy("Europe/Madrid"), Hours("01:00", "04:00")).SlotsOn(new LocalDate(2026, 3, 29), [], new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("01:00 01:30 03:00 03:30", Times(slots));
        Assert.Equal("00:00 00:30 01:00 01:30", Utc(slots));
    }

    [Fact]
    public void Madrid_fall_back_keeps_each_local_slot_once_at_its_earlier_instant()
    {
        // 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:00–02:59 happens twice.
        var slots = new Availability(Dinner, Policy("Europe/Madrid"), Hours("01:30", "03:30")).SlotsOn(new LocalDate(2026, 10, 25), [], new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("01:30 02:00 02:30 03:00", Times(slots));
        Assert.Equal("23:30 00:00 00:30 02:00", Utc(slots));
    }

    [Fact]
    public void Santiago_spring_forward_at_midnight_starts_the_day_at_one()
    {
        // 6 September 2026: Chile moves from 00:00 (−04) to 01:00 (−03).
        var slots = new Availability(Dinner, Policy("America/Santiago"), Hours("00:00", "02:00")).SlotsOn(new LocalDate(2026, 9, 6), [], new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("01:00 01:30", Times(slots));
        Assert.Equal("04:00 04:30", Utc(slots));
    }

    [Fact]
    public void Santiago_fall_back_before_midnight_counts_the_late_slots_once()
    {
        // 5 April 2026 at 00:00 (−03) clocks go back to 23:00 (−04) on the 4th: 23:00–23:59 happens twice.
        var slots = new Availability(Dinner, Policy("America/Santiago"), Hours("22:00", "00:00")).SlotsOn(new LocalDate(2026, 4, 4), [], new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("22:00 22:30 23:00 23:30", Times(slots));
        Assert.Equal("01:00 01:30 02:00 02:30", Utc(slots));
    }

    [Fact]
    public void A_closed_day_and_a_special_day_replace_the_weekday()
    {
        var hours = Hours("19:00", "21:00")
            .Except(new ClosedDay(new LocalDate(2026, 6, 10), "Staff party"))
            .Except(new SpecialHours(new LocalDate(2026, 6, 11), [OpeningInterval.Parse("12:00", "13:00")]));
        var availability = new Availability(Dinner, Policy("Europe/Madrid"), hours);
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Empty(availability.SlotsOn(new LocalDate(2026, 6, 10), [], now));
        Assert.Equal("12:00 12:30", Times(availability.SlotsOn(new LocalDate(2026, 6, 11), [], now)));
        Assert.Equal(SlotStatus.Closed, availability.CapacityAt(new DateTimeOffset(2026, 6, 10, 17, 0, 0, TimeSpan.Zero), [], now).Status);
    }

    [Fact]
    public void Past_slots_and_slots_inside_the_lead_time_are_not_bookable()
    {
        // Now is 18:10 in Madrid (UTC+2 in June): 18:00 has passed, 19:00 and 20:00 are inside two hours.
        var now = new DateTimeOffset(2026, 6, 10, 16, 10, 0, TimeSpan.Zero);
        var slots = new Availability(Dinner with { Duration = TimeSpan.FromHours(1) }, Policy("Europe/Madrid") with { SlotLength = TimeSpan.FromHours(1) }, Hours("18:00", "22:00"))
            .SlotsOn(new LocalDate(2026, 6, 10), [], now);

        Assert.Equal([SlotStatus.Past, SlotStatus.TooSoon, SlotStatus.TooSoon, SlotStatus.Open], slots.Select(s => s.Status));
    }

    [Fact]
    public void A_booking_holds_its_seats_for_the_service_duration()
    {
        var availability = new Availability(Dinner, Policy("UTC"), Hours("19:00", "23:00"));
        var date = new LocalDate(2026, 6, 10);
        var at = (int h, int m) => new DateTimeOffset(2026, 6, 10, h, m, 0, TimeSpan.Zero);
        BookedParty[] booked = [new(at(19, 0), 8), new(at(20, 0), 6), new(at(21, 0), 4)];

        var slots = availability.SlotsOn(date, booked, at(8, 0));

        // 19:00 sees the peak during 19:00–21:00: 8 + 6 = 14 (the 19:00 party leaves at 21:00 when the next arrives).
        Assert.Equal([14, 14, 14, 14, 10, 10, 4, 4], slots.Select(s => s.Used));
    }

    [Fact]
    public void Tables_count_one_per_booking_whatever_the_party()
    {
        var tables = Dinner with { Unit = CapacityUnit.Tables, CapacityPerSlot = 2 };
        var start = new DateTimeOffset(2026, 6, 10, 19, 0, 0, TimeSpan.Zero);
        var capacity = new Availability(tables, Policy("UTC"), Hours("19:00", "23:00")).CapacityAt(start, [new(start, 6), new(start, 5)], start.AddDays(-1));

        Assert.Equal((SlotStatus.Full, 2), (capacity.Status, capacity.Used));
        Assert.False(capacity.Fits(1));
    }

    [Fact]
    public void Nearest_free_slots_come_from_the_asked_day_first_then_the_same_hour_on_following_days()
    {
        var availability = new Availability(Dinner with { Duration = TimeSpan.FromMinutes(30) }, Policy("UTC"), Hours("19:00", "22:00"));
        var full = (int day, int h, int m) => new BookedParty(new DateTimeOffset(2026, 6, day, h, m, 0, TimeSpan.Zero), 20);
        BookedParty[] booked = [full(10, 19, 0), full(10, 19, 30), full(10, 20, 0), full(10, 20, 30), full(10, 21, 0), full(10, 21, 30), full(11, 20, 0)];

        var options = availability.NearestFreeSlots(new LocalDateTime(2026, 6, 10, 20, 0), 4, 3, _ => booked, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["2026-06-11 19:30", "2026-06-11 20:30", "2026-06-11 19:00"], options.Select(o => o.LocalStart.ToString("yyyy-MM-dd HH:mm", null)));
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Availability(Dinner, Policy("Mars/Olympus"), OpeningHours.Closed));

        Assert.Contains("Mars/Olympus", error.Message);
    }
}
