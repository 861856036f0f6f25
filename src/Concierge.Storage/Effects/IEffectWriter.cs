using Concierge.Conversations;

namespace Concierge.Storage.Effects;

/// <summary>Writes one kind of <see cref="Effect"/> inside a turn's transaction (one writer per effect type).</summary>
public interface IEffectWriter
{
    Type EffectType { get; }

    /// <summary>Writes the effect; throws <see cref="EffectConflictException"/> when the facts no longer allow it.</summary>
    Task WriteAsync(EffectWriteContext context, Effect effect);
}
