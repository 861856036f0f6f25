namespace Concierge.Knowledge.Library;

/// <summary>
/// Turns texts into embedding vectors (an OpenAI-compatible <c>/v1/embeddings</c>). Throws when
/// the provider fails: search then ranks lexically, and the embeddings job retries.
/// </summary>
public interface IEmbedder
{
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
