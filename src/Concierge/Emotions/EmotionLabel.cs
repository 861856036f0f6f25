namespace Concierge.Emotions;

/// <summary>The emotions Concierge records per customer message (emotion_history).</summary>
public enum EmotionLabel
{
    Neutral,
    Joy,
    Gratitude,
    Frustration,
    Anger,
    Sadness,
    Anxiety,
}
