using Concierge.Jobs;
using Concierge.Knowledge.Library;

namespace Concierge.Server.Knowledge;

/// <summary>
/// The <see cref="JobKinds.KnowledgeIndex"/> job: indexes a large upload after the request. An
/// intake refusal is an outcome (the document is failed with its reason), not a job failure, so it
/// is not retried; an exception (the database went away) is.
/// </summary>
public sealed class KnowledgeIndexJob(KnowledgeIndexer indexer) : IJobHandler
{
    public string Kind => JobKinds.KnowledgeIndex;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse((string?)context.Payload["document_id"], out var documentId))
        {
            throw new PermanentJobFailure("The job names no document_id.");
        }

        await indexer.IndexAsync(context.TenantId, documentId, cancellationToken);
    }
}
