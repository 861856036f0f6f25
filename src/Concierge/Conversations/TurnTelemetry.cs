using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Concierge.Conversations;

/// <summary>
/// The turn's traces and metrics, defined in the domain so that the host only exports them
/// (OpenTelemetry listens to these names). Names follow OpenTelemetry's conventions: dotted,
/// lower case, units in the instrument's unit. Listed in docs/architecture.md.
/// </summary>
public static class TurnTelemetry
{
    public const string Name = "Concierge.Turns";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Committed turns, by agent, skill, source (offline, model, fallback, safety) and action.</summary>
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("concierge.turns", "{turn}", "Committed turns");

    /// <summary>From the claim to the commit, in seconds.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("concierge.turn.duration", "s", "Time a turn takes, claim to commit");

    /// <summary>Turns the safety step answered with the crisis protocol, by agent.</summary>
    public static readonly Counter<long> CrisisDetections = Meter.CreateCounter<long>("concierge.crisis.detections", "{detection}", "Crisis protocol replies");

    /// <summary>Turns that ran again after a lost commit race or an effect conflict.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("concierge.turn.retries", "{retry}", "Turns decided again");

    public static void Record(TurnResult result, string agent, string skill, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "agent", agent },
            { "skill", skill },
            { "source", result.Source.ToString().ToLowerInvariant() },
            { "action", result.Action },
        };
        Turns.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
        if (result.Source == TurnSource.Safety)
        {
            CrisisDetections.Add(1, new KeyValuePair<string, object?>("agent", agent));
        }
    }
}
