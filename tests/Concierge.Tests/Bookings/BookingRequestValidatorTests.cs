using Concierge.Bookings;
using NodaTime;

namespace Concierge.Tests.Bookings;

public class BookingRequestValidatorTests
{
    private static readonly Service Dinner = new(Guid.NewGuid(), Guid.NewGuid(), "dinner", "Dinner", TimeSpan.FromHours(2), 40, CapacityUnit.Seats, 1, 8);
    private static readonly BookingPolicy Policy = new("America/Santiago", TimeSpan.FromMinutes(30), TimeSpan.FromHours(3), TimeSpan.FromDays(30));

    private static readonly OpeningHours Hours = new OpeningHours()
        .With([IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], OpeningInterval.Parse("19:00", "23:00"));

    // Wednesday 4 March 2026, 12:00 in Santiago.
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2026, 3, 5, 20, 0, 4, null, null)]
    [InlineData(2026, 2, 31, 20, 0, 4, "date", "impossible_date")]
    [InlineData(2026, 13, 1, 20, 0, 4, "date", "impossible_date")]
    [InlineData(2026, 3, 5, 25, 0, 4, "time", "impossible_time")]
    [InlineData(2026, 3, 3, 20, 0, 4, "date", "in_past")]
    [InlineData(2026, 5, 1, 20, 0, 4, "date", "too_far_ahead")]
    [InlineData(2026, 3, 9, 20, 0, 4, "date", "closed")]
    [InlineData(2026, 3, 4, 14, 30, 4, "time", "before_lead_time")]
    [InlineData(2026, 3, 5, 12, 0, 4, "time", "outside_hours")]
    [InlineData(2026, 3, 5, 22, 45, 4, "time", "outside_hours")]
    [InlineData(2026, 3, 5, 20, 10, 4, "time", "not_a_slot_start")]
    [InlineData(2026, 3, 5, 20, 0, 0, "party_size", "too_small")]
    [InlineData(2026, 3, 5, 20, 0, 9, "party_size", "too_large")]
    public void Each_problem_is_named_by_field_and_code(int year, int month, int day, int hour, int minute, int party, string? field, string? code)
    {
        var result = BookingRequestValidator.Validate(new(year, month, day, hour, minute, party), Dinner, Policy, Hours, Now);

        if (field is null)
        {
            Assert.True(result.IsValid);
            Assert.Equal(new DateTimeOffset(2026, 3, 5, 23, 0, 0, TimeSpan.Zero), result.Start);
        }
        else
        {
            Assert.Contains(new BookingRequestError(field, code!, ""), result.Errors, new FieldAndCode());
        }
    }

    [Fact]
    public void Today_before_the_lead_time_and_in_the_past_are_told_apart()
    {
        var late = new DateTimeOffset(2026, 3, 4, 22, 30, 0, TimeSpan.Zero); // 19:30 local

        Assert.Equal("in_past", BookingRequestValidator.Validate(new(2026, 3, 4, 19, 0, 2), Dinner, Policy, Hours, late).Errors.Single().Code);
        Assert.Equal("before_lead_time", BookingRequestValidator.Validate(new(2026, 3, 4, 22, 0, 2), Dinner, Policy, Hours, late).Errors.Single().Code);
    }

    [Fact]
    public void An_unknown_time_zone_is_an_error_not_an_exception()
    {
        var result = BookingRequestValidator.Validate(new(2026, 3, 5, 20, 0, 2), Dinner, Policy with { TimeZoneId = "America/Atlantis" }, Hours, Now);

        Assert.Equal(new BookingRequestError("time_zone", "unknown_time_zone", "'America/Atlantis' is not an IANA time zone."), result.Errors.Single());
    }

    [Fact]
    public void A_local_time_skipped_by_daylight_saving_is_reported()
    {
        var madrid = Policy with { TimeZoneId = "Europe/Madrid", Horizon = TimeSpan.FromDays(60) };
        var night = new OpeningHours().With(OpeningHours.EveryDay, OpeningInterval.Parse("01:00", "04:00"));

        var result = BookingRequestValidator.Validate(new(2026, 3, 29, 2, 30, 2), Dinner, madrid, night, Now);

        Assert.Equal("nonexistent_local_time", result.Errors.Single().Code);
    }

    [Fact]
    public void Independent_problems_are_reported_together()
    {
        var result = BookingRequestValidator.Validate(new(2026, 2, 30, 20, 0, 0), Dinner, Policy, Hours, Now);

        Assert.Equal(["party_size", "date"], result.Errors.Select(e => e.Field));
    }

    private sealed class FieldAndCode : IEqualityComparer<BookingRequestError>
    {
        public bool Equals(BookingRequestError? x, BookingRequestError? y) => x?.Field == y?.Field && x?.Code == y?.Code;

        public int GetHashCode(BookingRequestError obj) => HashCode.Combine(obj.Field, obj.Code);
    }
}
