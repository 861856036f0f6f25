using System.Runtime.InteropServices;
using Concierge.Knowledge.Answers;
using Concierge.Knowledge.Library;
using Dapper;

namespace Concierge.Storage.Knowledge;

// The reads search needs (the version, every searchable chunk), the curated answers, and row mapping.
public sealed partial class SqlKnowledgeStore
{
    public async Task<long> VersionAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT version FROM knowledge_versions WHERE tenant_id = @tenantId",
            new { tenantId = db.Id(tenantId) },
            cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task<IReadOnlyList<StoredChunk>> SearchableChunksAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            "SELECT c.id, c.document_id, c.ordinal, c.heading_path, c.text, c.terms, c.embedding, COALESCE(d.given_title, d.title) AS title, d.language, d.agent_key "
            + "FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id "
            + "WHERE c.tenant_id = @tenantId AND d.tenant_id = @tenantId AND d.status = @ready ORDER BY d.created_at, d.id, c.ordinal",
            new { tenantId = db.Id(tenantId), ready = KnowledgeStatus.Ready },
            cancellationToken: cancellationToken));
        return rows.Select(ReadChunk).ToList();
    }

    public Task SaveEmbeddingsAsync(Guid tenantId, IReadOnlyList<(Guid ChunkId, float[] Vector)> vectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vectors);

        // Stored as little-endian float32 bytes: both databases keep a blob as it is, and it reads back without parsing.
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE knowledge_chunks SET embedding = @embedding WHERE tenant_id = @tenantId AND id = @id",
                    vectors.Select(v => new { embedding = MemoryMarshal.AsBytes(v.Vector.AsSpan()).ToArray(), tenantId = db.Id(tenantId), id = db.Id(v.ChunkId) }).ToList(),
                    transaction,
                    cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(BumpVersion, new { tenantId = db.Id(tenantId) }, transaction, cancellationToken: cancellationToken));
            },
            cancellationToken);
    }

    public async Task<CuratedAnswer> AddAnswerAsync(Guid tenantId, string question, string answer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await db.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO knowledge_answers (id, tenant_id, question, answer, hits, created_at) VALUES (@id, @tenantId, @question, @answer, 0, @now)",
                new { id = db.Id(id), tenantId = db.Id(tenantId), question, answer, now = db.Time(now) },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);
        return new CuratedAnswer(id.ToString(), question, answer);
    }

    public async Task<IReadOnlyList<CuratedAnswer>> AnswersAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            "SELECT id, question, answer FROM knowledge_answers WHERE tenant_id = @tenantId ORDER BY created_at, id",
            new { tenantId = db.Id(tenantId) },
            cancellationToken: cancellationToken));
        return rows.Select(r => new CuratedAnswer(r.Guid("id").ToString(), r.String("question"), r.String("answer"))).ToList();
    }

    public Task CountHitAsync(Guid tenantId, string answerId, CancellationToken cancellationToken) =>
        !Guid.TryParse(answerId, out var id)
            ? Task.CompletedTask
            : db.WriteAsync(
                (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE knowledge_answers SET hits = hits + 1 WHERE tenant_id = @tenantId AND id = @id",
                    new { tenantId = db.Id(tenantId), id = db.Id(id) },
                    transaction,
                    cancellationToken: cancellationToken)),
                cancellationToken);

    private static KnowledgeDocument Read(Row r) => new(
        r.Guid("id"),
        r.Guid("tenant_id"),
        r.StringOrNull("agent_key"),
        r.String("title"),
        r.String("file_name"),
        r.StringOrNull("type"),
        r.Long("bytes"),
        r.String("content_hash"),
        r.StringOrNull("language"),
        r.String("status"),
        r.StringOrNull("failure_reason"),
        r.Int("chunk_count"),
        r.Time("created_at"));

    private static StoredChunk ReadChunk(Row r) => new(
        r.Guid("id"),
        r.Guid("document_id"),
        r.Int("ordinal"),
        r.String("heading_path"),
        r.String("text"),
        r.String("terms"),
        r.String("title"),
        r.StringOrNull("language"),
        r.StringOrNull("agent_key"),
        r.BytesOrNull("embedding") is { } blob ? MemoryMarshal.Cast<byte, float>(blob.AsSpan()).ToArray() : null);
}
