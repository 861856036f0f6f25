using Concierge.Emotions;

namespace Concierge.Server.Emotions;

public sealed record EmotionView(Guid MessageId, Guid SessionId, string Label, double Score, string Detector, DateTimeOffset CreatedAt)
{
    public static EmotionView From(EmotionRecord r) =>
        new(r.MessageId, r.SessionId, r.Reading.Label.ToString().ToLowerInvariant(), r.Reading.Score, r.Reading.Detector, r.CreatedAt);
}
