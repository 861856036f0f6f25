using System.Data.Common;
using Concierge.Knowledge.Library;
using Dapper;

namespace Concierge.Storage.Knowledge;

/// <summary>
/// <see cref="IKnowledgeStore"/> over the knowledge tables, the same statements for SQLite and
/// PostgreSQL. Every statement names the tenant; every change to the searchable chunks bumps the
/// tenant's version in the same transaction.
/// </summary>
public sealed partial class SqlKnowledgeStore(Database db, TimeProvider clock) : IKnowledgeStore
{
    private const string Columns =
        "id, tenant_id, agent_key, COALESCE(given_title, title) AS title, file_name, type, bytes, content_hash, language, status, failure_reason, chunk_count, created_at";

    private const string BumpVersion =
        "INSERT INTO knowledge_versions (tenant_id, version) VALUES (@tenantId, 1) "
        + "ON CONFLICT (tenant_id) DO UPDATE SET version = knowledge_versions.version + 1";

    public async Task<KnowledgeDocument?> AddAsync(NewDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var added = await db.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO knowledge_documents (id, tenant_id, agent_key, given_title, title, file_name, bytes, content_hash, content, status, created_at, updated_at) "
                + "VALUES (@id, @tenantId, @agentKey, @givenTitle, @fileName, @fileName, @bytes, @hash, @content, @status, @now, @now) "
                + "ON CONFLICT (tenant_id, content_hash) DO NOTHING",
                new
                {
                    id = db.Id(id),
                    tenantId = db.Id(document.TenantId),
                    agentKey = document.AgentKey,
                    givenTitle = document.Title,
                    fileName = document.FileName,
                    bytes = (long)document.Content.Length,
                    hash = document.ContentHash,
                    content = document.Content.ToArray(),
                    status = KnowledgeStatus.Indexing,
                    now = db.Time(now),
                },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);
        return added == 0 ? null : await FindAsync(document.TenantId, id, cancellationToken);
    }

    public Task<KnowledgeDocument?> FindByHashAsync(Guid tenantId, string contentHash, CancellationToken cancellationToken) =>
        FindWhereAsync("content_hash = @key", tenantId, contentHash, cancellationToken);

    public Task<KnowledgeDocument?> FindAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken) =>
        FindWhereAsync("id = @key", tenantId, db.Id(documentId), cancellationToken);

    public async Task<IReadOnlyList<KnowledgeDocument>> ListAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {Columns} FROM knowledge_documents WHERE tenant_id = @tenantId ORDER BY created_at DESC, id DESC",
            new { tenantId = db.Id(tenantId) },
            cancellationToken: cancellationToken));
        return rows.Select(Read).ToList();
    }

    public async Task<IReadOnlyList<StoredChunk>> ChunksAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            "SELECT c.id, c.document_id, c.ordinal, c.heading_path, c.text, c.terms, c.embedding, COALESCE(d.given_title, d.title) AS title, d.language, d.agent_key "
            + "FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id "
            + "WHERE c.tenant_id = @tenantId AND c.document_id = @documentId ORDER BY c.ordinal",
            new { tenantId = db.Id(tenantId), documentId = db.Id(documentId) },
            cancellationToken: cancellationToken));
        return rows.Select(ReadChunk).ToList();
    }

    public async Task<(string FileName, byte[] Content)?> ContentAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT file_name, content FROM knowledge_documents WHERE tenant_id = @tenantId AND id = @id",
            new { tenantId = db.Id(tenantId), id = db.Id(documentId) },
            cancellationToken: cancellationToken));
        return row is { } r ? (r.String("file_name"), r.Bytes("content")) : null;
    }

    public Task<bool> SaveIndexAsync(Guid tenantId, Guid documentId, IndexedText indexed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indexed);
        var now = clock.GetUtcNow();
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                var updated = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE knowledge_documents SET type = @type, title = @title, language = @language, status = @status, failure_reason = NULL, "
                    + "chunk_count = @count, updated_at = @now WHERE tenant_id = @tenantId AND id = @id",
                    new
                    {
                        type = indexed.Type,
                        title = indexed.Title,
                        language = indexed.Language,
                        status = KnowledgeStatus.Ready,
                        count = indexed.Chunks.Count,
                        now = db.Time(now),
                        tenantId = db.Id(tenantId),
                        id = db.Id(documentId),
                    },
                    transaction,
                    cancellationToken: cancellationToken));
                if (updated == 0)
                {
                    return false;
                }

                await DeleteChunksAsync(connection, transaction, tenantId, documentId, cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO knowledge_chunks (id, tenant_id, document_id, ordinal, heading_path, text, terms) "
                    + "VALUES (@id, @tenantId, @documentId, @ordinal, @headingPath, @text, @terms)",
                    indexed.Chunks.Select(c => new
                    {
                        id = db.Id(Guid.CreateVersion7(now)),
                        tenantId = db.Id(tenantId),
                        documentId = db.Id(documentId),
                        ordinal = c.Ordinal,
                        headingPath = c.HeadingPath,
                        text = c.Text,
                        terms = c.Terms,
                    }).ToList(),
                    transaction,
                    cancellationToken: cancellationToken));
                return true;
            },
            cancellationToken);
    }

    public Task<bool> SetStatusAsync(Guid tenantId, Guid documentId, string status, string? failureReason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                var updated = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE knowledge_documents SET status = @status, failure_reason = @reason, updated_at = @now WHERE tenant_id = @tenantId AND id = @id",
                    new { status, reason = failureReason, now = db.Time(now), tenantId = db.Id(tenantId), id = db.Id(documentId) },
                    transaction,
                    cancellationToken: cancellationToken));

                // A document that is not ready is not searched: its chunks leave the index now.
                if (updated > 0 && status != KnowledgeStatus.Ready)
                {
                    await DeleteChunksAsync(connection, transaction, tenantId, documentId, cancellationToken);
                }

                return updated > 0;
            },
            cancellationToken);
    }

    public Task<bool> DeleteAsync(Guid tenantId, Guid documentId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                var key = new { tenantId = db.Id(tenantId), id = db.Id(documentId) };

                // A document that is not the tenant's (another tenant's, or gone already) writes nothing, not even the version.
                if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    "SELECT 1 FROM knowledge_documents WHERE tenant_id = @tenantId AND id = @id", key, transaction, cancellationToken: cancellationToken)) is null)
                {
                    return false;
                }

                await DeleteChunksAsync(connection, transaction, tenantId, documentId, cancellationToken);
                return await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM knowledge_documents WHERE tenant_id = @tenantId AND id = @id", key, transaction, cancellationToken: cancellationToken)) > 0;
            },
            cancellationToken);

    // Chunks are deleted explicitly (not left to the foreign key) so the version moves with them.
    private async Task DeleteChunksAsync(DbConnection connection, DbTransaction transaction, Guid tenantId, Guid documentId, CancellationToken cancellationToken)
    {
        var parameters = new { tenantId = db.Id(tenantId), documentId = db.Id(documentId) };
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM knowledge_chunks WHERE tenant_id = @tenantId AND document_id = @documentId", parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(BumpVersion, new { tenantId = db.Id(tenantId) }, transaction, cancellationToken: cancellationToken));
    }

    private async Task<KnowledgeDocument?> FindWhereAsync(string condition, Guid tenantId, object key, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {Columns} FROM knowledge_documents WHERE tenant_id = @tenantId AND {condition}",
            new { tenantId = db.Id(tenantId), key },
            cancellationToken: cancellationToken));
        return row is { } r ? Read(r) : null;
    }
}
