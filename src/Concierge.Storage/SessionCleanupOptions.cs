namespace Concierge.Storage;

public sealed class SessionCleanupOptions
{
    public const string IntervalKey = "Concierge:Sessions:CleanupInterval";

    /// <summary>How often expired sessions are deleted (the period of the recurring sessions.sweep job).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(10);
}
