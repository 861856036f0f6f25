namespace Concierge.Conversations;

/// <summary>An effect cannot be written on the facts as they are now; the turn is decided again.</summary>
public sealed class EffectConflictException(string reason) : Exception(reason);
