using System.ClientModel;
using System.ClientModel.Primitives;
using Concierge.Knowledge.Library;
using Concierge.Models;
using OpenAI;
using OpenAI.Embeddings;

namespace Concierge.Server.Knowledge;

/// <summary>
/// <see cref="IEmbedder"/> over the OpenAI SDK's <see cref="EmbeddingClient"/>, at the configured
/// provider's base URL with its key (OPENAI_BASE_URL / OPENAI_API_KEY) and EMBEDDINGS_MODEL. No SDK
/// retries: a failed query embedding falls back to lexical search at once, and the job retries.
/// </summary>
public sealed class OpenAiEmbedder : IEmbedder
{
    private readonly EmbeddingClient _client;

    public OpenAiEmbedder(string model, LanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 0), NetworkTimeout = options.RequestTimeout };
        if (options.EffectiveBaseUrl is { } baseUrl)
        {
            clientOptions.Endpoint = new Uri(baseUrl.AbsoluteUri.TrimEnd('/'));
        }

        _client = new EmbeddingClient(model, new ApiKeyCredential(options.ApiKey!), clientOptions);
    }

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        var result = await _client.GenerateEmbeddingsAsync(texts, cancellationToken: cancellationToken);
        var vectors = result.Value.OrderBy(e => e.Index).Select(e => e.ToFloats().ToArray()).ToList();
        return vectors.Count == texts.Count
            ? vectors
            : throw new InvalidOperationException($"The embeddings provider answered {vectors.Count} vectors for {texts.Count} texts.");
    }
}
