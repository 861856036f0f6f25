namespace Concierge.Emotions;

/// <summary>Emotion records, tenant-scoped. The detect job writes them; operators and the debug view read them.</summary>
public interface IEmotionStore
{
    Task<IReadOnlyList<EmotionRecord>> ListForCustomerAsync(Guid tenantId, string customerId, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<EmotionRecord>> ListForSessionAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken);
}
