namespace Concierge.Server.Emotions;

public sealed record EmotionList(string CustomerId, IReadOnlyList<EmotionView> Emotions);
