using Concierge.Models;

namespace Concierge.Tests.Models;

public sealed class RetryDelayTests
{
    private static readonly LanguageModelOptions Options = new()
    {
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public void Backoff_grows_exponentially_with_jitter()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(ModelResilience.RetryDelay(Options, 0, null, TimeSpan.FromMinutes(1)), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
            Assert.InRange(ModelResilience.RetryDelay(Options, 2, null, TimeSpan.FromMinutes(1)), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        }

        var delays = Enumerable.Range(0, 20).Select(_ => ModelResilience.RetryDelay(Options, 1, null, TimeSpan.FromMinutes(1))).Distinct();
        Assert.True(delays.Count() > 1, "jitter should vary the delay");
    }

    [Fact]
    public void Retry_after_is_used_but_capped_and_never_past_the_remaining_budget()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), ModelResilience.RetryDelay(Options, 0, TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(10), ModelResilience.RetryDelay(Options, 0, TimeSpan.FromSeconds(120), TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(2), ModelResilience.RetryDelay(Options, 0, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.Zero, ModelResilience.RetryDelay(Options, 0, null, TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_as_an_http_date_or_from_retry_after_ms()
    {
        var now = new DateTimeOffset(2025, 8, 28, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfterHeader.Parse("7", null, now));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterHeader.Parse("Thu, 28 Aug 2025 20:00:30 GMT", null, now));
        Assert.Equal(TimeSpan.Zero, RetryAfterHeader.Parse("Thu, 28 Aug 2025 19:00:00 GMT", null, now));
        Assert.Equal(TimeSpan.FromMilliseconds(250), RetryAfterHeader.Parse("7", "250", now));
        Assert.Null(RetryAfterHeader.Parse("soon", null, now));
        Assert.Null(RetryAfterHeader.Parse(null, null, now));
    }
}
