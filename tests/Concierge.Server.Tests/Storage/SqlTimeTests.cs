using Concierge.Storage;

namespace Concierge.Server.Tests.Storage;

public sealed class SqlTimeTests
{
    [Fact]
    public void Times_written_for_SQLite_read_back_to_the_microsecond()
    {
        var random = new Random(20261129);
        var times = new List<DateTimeOffset>
        {
            new(1, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new(2024, 2, 29, 23, 59, 59, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 29, 20, 48, 50, TimeSpan.FromHours(-4)).AddTicks(9_381_234),
            DateTimeOffset.MaxValue,
        };
        for (var i = 0; i < 1000; i++)
        {
            times.Add(new DateTimeOffset(random.NextInt64(DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero));
        }

        foreach (var time in times)
        {
            Assert.Equal(SqlTime.Truncate(time), SqlTime.Read(SqlTime.ToSqlite(time)));
        }
    }

    [Theory]
    [InlineData("2025-08-29 00:48:50", "2025-08-29T00:48:50.0000000+00:00")]
    [InlineData("2025-08-29T02:48:50+02:00", "2025-08-29T00:48:50.0000000+00:00")]
    [InlineData("2025-08-29T00:48:50.5Z", "2025-08-29T00:48:50.5000000+00:00")]
    public void Other_ISO_forms_are_still_read(string stored, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SqlTime.Read(stored));

    [Theory]
    [InlineData("2025-02-30T00:48:50.000000Z")]
    [InlineData("2025-13-01T00:48:50.000000Z")]
    [InlineData("not a time at all, 27 chars")]
    public void A_malformed_time_is_refused(string stored) =>
        Assert.Throws<FormatException>(() => SqlTime.Read(stored));
}
