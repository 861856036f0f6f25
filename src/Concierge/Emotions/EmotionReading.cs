namespace Concierge.Emotions;

/// <summary>One message's emotion.</summary>
/// <param name="Score">How strongly the message shows <paramref name="Label"/>, 0..1; 0 for neutral (nothing shown).</param>
/// <param name="Detector">Which detector read it ("lexicon-v1"), so history rows from different detectors can be told apart.</param>
public sealed record EmotionReading(EmotionLabel Label, double Score, string Detector);
