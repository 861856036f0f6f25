namespace Concierge.Emotions;

/// <summary>A user message's recorded emotion (a row of emotion_history).</summary>
public sealed record EmotionRecord(Guid Id, Guid SessionId, Guid MessageId, string? CustomerId, EmotionReading Reading, DateTimeOffset CreatedAt);
