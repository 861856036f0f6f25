using System.Text.Json.Nodes;
using Concierge.Jobs;
using Concierge.Knowledge.Intake;
using Microsoft.Extensions.Logging;

namespace Concierge.Knowledge.Library;

/// <summary>
/// Indexes a stored document from its bytes: the intake reads them, the chunks replace the old
/// ones, and the document becomes ready — or failed with the intake's reason. Used by the upload
/// route for small files, by the indexing job for large ones, and by reindex. With an embedder
/// configured, a <see cref="JobKinds.KnowledgeEmbed"/> job then computes the chunks' embeddings.
/// </summary>
public sealed class KnowledgeIndexer(IKnowledgeStore store, IntakeLimits limits, IJobStore jobs, IEnumerable<IEmbedder> embedders, ILogger<KnowledgeIndexer> logger)
{
    /// <summary>Indexes the document; the refusal when the intake refused it, null when indexed (or gone).</summary>
    public async Task<IntakeRefusal?> IndexAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken)
    {
        if (await store.ContentAsync(tenantId, documentId, cancellationToken) is not { } content)
        {
            return null;
        }

        var intake = DocumentIntake.Inspect(content.FileName, content.Content, limits);
        if (!intake.IsAccepted)
        {
            logger.LogInformation("Document {DocumentId} was refused by the intake: {Code}", documentId, intake.Refusal.Code);
            await store.SetStatusAsync(tenantId, documentId, KnowledgeStatus.Failed, $"{intake.Refusal.Code}: {intake.Refusal.Message}", cancellationToken);
            return intake.Refusal;
        }

        var indexed = DocumentIndexing.Index(intake.Document);
        await store.SaveIndexAsync(tenantId, documentId, indexed, cancellationToken);
        if (embedders.Any())
        {
            // The job system's usual attempts (backoff of about 2 to 4 minutes in all): with 5, a
            // provider outage of 15 to 30 s left the documents uploaded meanwhile unembedded for good.
            await jobs.EnqueueAsync(tenantId, new JobRequest(JobKinds.KnowledgeEmbed, new JsonObject { ["document_id"] = documentId.ToString() }), JobRetryPolicy.DefaultMaxAttempts, cancellationToken);
        }

        logger.LogInformation("Indexed document {DocumentId}: {Chunks} chunks ({Type}, {Language})", documentId, indexed.Chunks.Count, indexed.Type, indexed.Language);
        return null;
    }
}
