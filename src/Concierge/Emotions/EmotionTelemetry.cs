using System.Diagnostics.Metrics;

namespace Concierge.Emotions;

/// <summary>
/// The share of user messages with an emotion record (seed 002 checked it stayed near 100%) is
/// <c>concierge.emotions.recorded</c> / <c>concierge.emotions.requested</c>: a message is requested
/// when its turn commits the job, recorded when the job has written the reading.
/// </summary>
public static class EmotionTelemetry
{
    public const string MeterName = "Concierge.Emotions";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Requested = Meter.CreateCounter<long>("concierge.emotions.requested", "{message}", "User messages whose turn asked for an emotion record.");

    public static readonly Counter<long> Recorded = Meter.CreateCounter<long>("concierge.emotions.recorded", "{message}", "Emotion records written, by detector and label.");
}
