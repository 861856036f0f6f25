using Concierge.Configuration;
using Concierge.Jobs;
using Concierge.Server.Jobs;
using Microsoft.Extensions.Configuration;

namespace Concierge.Server.Tests.Jobs;

/// <summary>The pure parts: backoff, recurring periods and the worker's settings.</summary>
public sealed class JobPolicyTests
{
    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(2, 2, 4)]
    [InlineData(5, 16, 32)]
    [InlineData(9, 256, 512)]
    [InlineData(10, 300, 600)]
    [InlineData(30, 300, 600)]
    public void The_backoff_doubles_from_two_seconds_with_jitter_in_the_upper_half_and_stops_at_ten_minutes(int attempt, double lowSeconds, double highSeconds)
    {
        var policy = JobRetryPolicy.Default;

        Assert.Equal(TimeSpan.FromSeconds(lowSeconds), policy.Delay(attempt, 0));
        Assert.Equal(TimeSpan.FromSeconds(highSeconds), policy.Delay(attempt, 1));
        Assert.InRange(policy.Delay(attempt, 0.5), TimeSpan.FromSeconds(lowSeconds), TimeSpan.FromSeconds(highSeconds));
    }

    [Fact]
    public void A_job_is_out_of_attempts_after_its_last_one()
    {
        var now = DateTimeOffset.UnixEpoch;

        Assert.Equal(8, JobRetryPolicy.Default.MaxAttempts);
        Assert.Equal(now.AddSeconds(1), JobRetryPolicy.Default.NextRunAt(1, 8, now, 0));
        Assert.NotNull(JobRetryPolicy.Default.NextRunAt(7, 8, now, 0.3));
        Assert.Null(JobRetryPolicy.Default.NextRunAt(8, 8, now, 0.3));
    }

    [Fact]
    public void A_recurring_job_has_one_dedup_key_per_period_wherever_in_the_period_it_is_enqueued()
    {
        var sweep = new RecurringJob(JobKinds.SessionsSweep, TimeSpan.FromMinutes(10));
        var early = sweep.For(new DateTimeOffset(2026, 12, 2, 1, 10, 0, TimeSpan.Zero));
        var late = sweep.For(new DateTimeOffset(2026, 12, 2, 1, 19, 59, 999, TimeSpan.Zero));
        var next = sweep.For(new DateTimeOffset(2026, 12, 2, 1, 20, 0, TimeSpan.Zero));

        Assert.Equal("sessions.sweep:2026-12-02T01:10:00Z", early.DedupKey);
        Assert.Equal(early, late with { Payload = early.Payload });
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 10, 0, TimeSpan.Zero), late.RunAt);
        Assert.Equal("sessions.sweep:2026-12-02T01:20:00Z", next.DedupKey);
    }

    [Theory]
    [InlineData("Concierge:Jobs:PollInterval", "0")]
    [InlineData("Concierge:Jobs:PollInterval", "soon")]
    [InlineData("Concierge:Jobs:BatchSize", "0")]
    [InlineData("Concierge:Jobs:ClaimDuration", "100ms")]
    [InlineData("Concierge:Jobs:Concurrency", "many")]
    [InlineData("Concierge:Jobs:Concurrency", "0")]
    public void A_bad_worker_setting_stops_the_start_with_its_name(string key, string value)
    {
        var configuration = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }));

        var error = Assert.Throws<InvalidSettingException>(() => JobWorkerOptions.Bind(configuration));

        Assert.Equal(key, error.Setting);
    }

    [Fact]
    public void The_worker_settings_default_to_one_second_polls_five_minute_claims_and_four_at_once()
    {
        var options = JobWorkerOptions.Bind(Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder()));

        Assert.Equal(new JobWorkerOptions { PollInterval = TimeSpan.FromSeconds(1), BatchSize = 4, ClaimDuration = TimeSpan.FromMinutes(5), Concurrency = 4 }, options);
    }
}
