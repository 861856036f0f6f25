namespace Concierge.Server.Tests.Faults;

/// <summary>
/// Short versions run in ./test.sh; CONCIERGE_FAULTS=long runs the long ones (longer load, 30 s
/// outages), as docs/reliability.md's commands do.
/// </summary>
public static class FaultScale
{
    public static bool Long => string.Equals(Environment.GetEnvironmentVariable("CONCIERGE_FAULTS"), "long", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="shortSeconds"/> in the suite, <paramref name="longSeconds"/> in the long run.</summary>
    public static TimeSpan Pick(double shortSeconds, double longSeconds) => TimeSpan.FromSeconds(Long ? longSeconds : shortSeconds);
}
