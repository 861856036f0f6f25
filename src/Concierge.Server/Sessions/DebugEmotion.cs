using Concierge.Emotions;

namespace Concierge.Server.Sessions;

/// <summary>A message's recorded emotion in the debug document and the emotions API.</summary>
public sealed record DebugEmotion(string Label, double Score, string Detector)
{
    public static DebugEmotion From(EmotionReading reading) => new(reading.Label.ToString().ToLowerInvariant(), reading.Score, reading.Detector);
}
