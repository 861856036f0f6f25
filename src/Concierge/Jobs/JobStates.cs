namespace Concierge.Jobs;

/// <summary>The wire and column names of <see cref="JobState"/>.</summary>
public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Dead = "dead";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Queued, Running, Done, Dead, Cancelled];

    public static string ToWire(this JobState state) => state switch
    {
        JobState.Queued => Queued,
        JobState.Running => Running,
        JobState.Done => Done,
        JobState.Dead => Dead,
        JobState.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static bool TryParse(string? text, out JobState state)
    {
        (var known, state) = text switch
        {
            Queued => (true, JobState.Queued),
            Running => (true, JobState.Running),
            Done => (true, JobState.Done),
            Dead => (true, JobState.Dead),
            Cancelled => (true, JobState.Cancelled),
            _ => (false, default),
        };
        return known;
    }

    public static JobState Parse(string text) =>
        TryParse(text, out var state) ? state : throw new FormatException($"'{text}' is not a job state.");
}
