using Concierge.Conversations;

namespace Concierge.Storage.Effects;

/// <summary>The typed side of <see cref="IEffectWriter"/>: a writer names its effect type once.</summary>
public abstract class EffectWriter<TEffect> : IEffectWriter
    where TEffect : Effect
{
    public Type EffectType => typeof(TEffect);

    public Task WriteAsync(EffectWriteContext context, Effect effect) => WriteAsync(context, (TEffect)effect);

    protected abstract Task WriteAsync(EffectWriteContext context, TEffect effect);
}
