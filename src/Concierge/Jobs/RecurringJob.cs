using System.Globalization;

namespace Concierge.Jobs;

/// <summary>
/// Housekeeping that runs every <see cref="Interval"/>, as an ordinary job. Time is cut into
/// periods aligned on the Unix epoch, and each period's job carries the dedup key
/// "kind:period-start" (e.g. <c>sessions.sweep:2026-12-02T01:10:00Z</c>), so every process may
/// enqueue it and the table keeps one: the period runs once, on whichever worker claims it.
/// </summary>
public sealed record RecurringJob(string Kind, TimeSpan Interval)
{
    /// <summary>The start of the period that <paramref name="now"/> falls in.</summary>
    public DateTimeOffset PeriodStart(DateTimeOffset now)
    {
        var ticks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - (ticks % Interval.Ticks));
    }

    /// <summary>The job of the period that <paramref name="now"/> falls in, due at the period's start.</summary>
    public JobRequest For(DateTimeOffset now)
    {
        var start = PeriodStart(now);
        return new JobRequest(Kind, [], start, $"{Kind}:{start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
    }
}
