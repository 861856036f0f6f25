using Concierge.Conversations;

namespace Concierge.Storage.Effects;

/// <summary>
/// The effect writers of this process, by effect type. An effect without a writer is a programming
/// error, not something to drop silently: the turn fails and nothing of it is written.
/// </summary>
public sealed class EffectWriters(IEnumerable<IEffectWriter> writers)
{
    public static readonly EffectWriters None = new([]);

    private readonly Dictionary<Type, IEffectWriter> _byType = writers.ToDictionary(w => w.EffectType);

    public Task WriteAsync(EffectWriteContext context, Effect effect) =>
        _byType.TryGetValue(effect.GetType(), out var writer)
            ? writer.WriteAsync(context, effect)
            : throw new InvalidOperationException($"No writer is registered for the effect {effect.GetType().Name}.");
}
