using Concierge.Jobs;
using Concierge.Knowledge.Library;

namespace Concierge.Server.Knowledge;

/// <summary>
/// The <see cref="JobKinds.KnowledgeEmbed"/> job: computes the embeddings of a document's chunks
/// (in batches) and stores them, which moves the tenant's index version so search starts fusing
/// them in. A provider failure fails the attempt and is retried; search stays lexical meanwhile.
/// </summary>
public sealed class KnowledgeEmbedJob(IKnowledgeStore store, IEmbedder embedder) : IJobHandler
{
    private const int BatchSize = 64;

    public string Kind => JobKinds.KnowledgeEmbed;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse((string?)context.Payload["document_id"], out var documentId))
        {
            throw new PermanentJobFailure("The job names no document_id.");
        }

        var chunks = await store.ChunksAsync(context.TenantId, documentId, cancellationToken);
        var vectors = new List<(Guid ChunkId, float[] Vector)>(chunks.Count);
        foreach (var batch in chunks.Chunk(BatchSize))
        {
            var embedded = await embedder.EmbedAsync([.. batch.Select(c => $"{c.Title}\n{c.HeadingPath}\n{c.Text}")], cancellationToken);
            vectors.AddRange(batch.Zip(embedded, (c, v) => (c.Id, v)));
        }

        await store.SaveEmbeddingsAsync(context.TenantId, vectors, cancellationToken);
    }
}
