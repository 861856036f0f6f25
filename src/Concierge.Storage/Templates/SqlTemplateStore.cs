using System.Data.Common;
using System.Text.Json.Nodes;
using Concierge.Storage;
using Concierge.Templates;
using Dapper;

namespace Concierge.Storage.Templates;

/// <summary>
/// <see cref="ITemplateStore"/> over the templates table, the same statements for SQLite and
/// PostgreSQL. Every statement names the tenant.
/// </summary>
public sealed class SqlTemplateStore : ITemplateStore
{
    private const string Columns =
        "id, tenant_id, session_id, name, language, category, payload, status, meta_template_id, rejection_reason, "
        + "last_event_key, last_event_at, submitted_at, created_at, updated_at";

    private readonly Database _db;
    private readonly TimeProvider _clock;
    private readonly string _upsert;
    private readonly string _applyEvent;

    public SqlTemplateStore(Database database, TimeProvider clock)
    {
        _db = database;
        _clock = clock;

        // A FINAL for a (tenant, name, language) that exists replaces its payload and puts it back to DRAFT.
        _upsert =
            $"INSERT INTO templates (id, tenant_id, session_id, name, language, category, payload, status, created_at, updated_at) "
            + $"VALUES (@id, @tenantId, @sessionId, @name, @language, @category, {_db.Json("payload")}, @status, @now, @now) "
            + "ON CONFLICT (tenant_id, name, language) DO UPDATE SET session_id = excluded.session_id, category = excluded.category, "
            + "payload = excluded.payload, status = excluded.status, rejection_reason = NULL, updated_at = excluded.updated_at";

        // The key check is in the statement too: of two deliveries of one event racing, one updates.
        _applyEvent =
            "UPDATE templates SET status = @status, rejection_reason = @reason, meta_template_id = COALESCE(meta_template_id, @metaId), "
            + "last_event_key = @eventKey, last_event_at = COALESCE(@occurredAt, last_event_at), updated_at = @now "
            + "WHERE tenant_id = @tenantId AND id = @id AND (last_event_key IS NULL OR last_event_key <> @eventKey)";
    }

    public async Task<StoredTemplate> SaveFinalAsync(Guid tenantId, Guid? sessionId, JsonObject payload, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        return await _db.WriteAsync(
            (connection, transaction) => SaveFinalAsync(connection, transaction, tenantId, sessionId, payload, now, cancellationToken),
            cancellationToken);
    }

    /// <summary>The upsert of a FINAL payload inside a transaction someone else owns (the turn's, for its effect).</summary>
    internal async Task<StoredTemplate> SaveFinalAsync(
        DbConnection connection, DbTransaction transaction, Guid tenantId, Guid? sessionId, JsonObject payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var name = Text(payload, "name") ?? throw new ArgumentException("The creation payload has no string 'name'.", nameof(payload));
        var language = Text(payload, "language") ?? throw new ArgumentException("The creation payload has no string 'language'.", nameof(payload));
        await connection.ExecuteAsync(new CommandDefinition(
            _upsert,
            new
            {
                id = _db.Id(Guid.CreateVersion7(now)),
                tenantId = _db.Id(tenantId),
                sessionId = _db.Id(sessionId),
                name,
                language = TemplateLanguage.Normalize(language),
                category = Text(payload, "category"),
                payload = payload.ToJsonString(),
                status = TemplateStatus.Draft.ToWire(),
                now = _db.Time(now),
            },
            transaction,
            cancellationToken: cancellationToken));
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {Columns} FROM templates WHERE tenant_id = @tenantId AND name = @name AND language = @language",
            new { tenantId = _db.Id(tenantId), name, language = TemplateLanguage.Normalize(language) },
            transaction,
            cancellationToken: cancellationToken));
        return Read(row ?? throw new InvalidOperationException("The template just saved cannot be read back."));
    }

    public async Task<IReadOnlyList<StoredTemplate>> ListAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {Columns} FROM templates WHERE tenant_id = @tenantId ORDER BY created_at DESC, id DESC",
            new { tenantId = _db.Id(tenantId) },
            cancellationToken: cancellationToken));
        return rows.Select(Read).ToList();
    }

    public async Task<StoredTemplate?> FindAsync(Guid tenantId, Guid templateId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, tenantId, templateId, cancellationToken);
    }

    public Task<StoredTemplate?> MarkSubmittedAsync(
        Guid tenantId, Guid templateId, string metaTemplateId, TemplateStatus status, string? category, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metaTemplateId);
        var now = _clock.GetUtcNow();
        return _db.WriteAsync(
            async (connection, transaction) =>
            {
                var updated = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE templates SET meta_template_id = @metaId, status = @status, category = COALESCE(@category, category), "
                    + "rejection_reason = NULL, submitted_at = @now, updated_at = @now WHERE tenant_id = @tenantId AND id = @id",
                    new
                    {
                        metaId = metaTemplateId,
                        status = status.ToWire(),
                        category,
                        now = _db.Time(now),
                        tenantId = _db.Id(tenantId),
                        id = _db.Id(templateId),
                    },
                    transaction,
                    cancellationToken: cancellationToken));
                return updated == 0 ? null : await FindAsync(connection, transaction, tenantId, templateId, cancellationToken);
            },
            cancellationToken);
    }

    public Task<TemplateUpdateOutcome> ApplyStatusUpdateAsync(Guid tenantId, TemplateStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = _clock.GetUtcNow();
        return _db.WriteAsync(
            async (connection, transaction) =>
            {
                var template = await MatchAsync(connection, transaction, tenantId, update, cancellationToken);
                if (template is null)
                {
                    return TemplateUpdateOutcome.NotFound;
                }

                if (template.LastEventKey == update.EventKey)
                {
                    return TemplateUpdateOutcome.Duplicate;
                }

                if (update.OccurredAt is { } at && template.LastEventAt is { } last && SqlTime.Truncate(at) < last)
                {
                    return TemplateUpdateOutcome.Stale;
                }

                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    _applyEvent,
                    new
                    {
                        status = update.Status.ToWire(),
                        reason = update.Reason is null || string.Equals(update.Reason, "NONE", StringComparison.OrdinalIgnoreCase) ? null : update.Reason,
                        metaId = update.MetaTemplateId,
                        eventKey = update.EventKey,
                        occurredAt = _db.Time(update.OccurredAt),
                        now = _db.Time(now),
                        tenantId = _db.Id(tenantId),
                        id = _db.Id(template.Id),
                    },
                    transaction,
                    cancellationToken: cancellationToken));
                return changed == 0 ? TemplateUpdateOutcome.Duplicate : TemplateUpdateOutcome.Applied;
            },
            cancellationToken);
    }

    private async Task<StoredTemplate?> MatchAsync(DbConnection connection, DbTransaction transaction, Guid tenantId, TemplateStatusUpdate update, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(update.MetaTemplateId))
        {
            var byId = await connection.QueryRowAsync(new CommandDefinition(
                $"SELECT {Columns} FROM templates WHERE tenant_id = @tenantId AND meta_template_id = @metaId",
                new { tenantId = _db.Id(tenantId), metaId = update.MetaTemplateId },
                transaction,
                cancellationToken: cancellationToken));
            if (byId is { } found)
            {
                return Read(found);
            }
        }

        if (string.IsNullOrWhiteSpace(update.Name) || string.IsNullOrWhiteSpace(update.Language))
        {
            return null;
        }

        // By name and language only when that template is not already another Meta template.
        var byName = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {Columns} FROM templates WHERE tenant_id = @tenantId AND name = @name AND language = @language",
            new { tenantId = _db.Id(tenantId), name = update.Name, language = TemplateLanguage.Normalize(update.Language) },
            transaction,
            cancellationToken: cancellationToken));
        return byName is { } r && (r.StringOrNull("meta_template_id") is null || string.IsNullOrWhiteSpace(update.MetaTemplateId)) ? Read(r) : null;
    }

    private async Task<StoredTemplate?> FindAsync(DbConnection connection, DbTransaction? transaction, Guid tenantId, Guid templateId, CancellationToken cancellationToken)
    {
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {Columns} FROM templates WHERE tenant_id = @tenantId AND id = @id",
            new { tenantId = _db.Id(tenantId), id = _db.Id(templateId) },
            transaction,
            cancellationToken: cancellationToken));
        return row is { } r ? Read(r) : null;
    }

    private static string? Text(JsonObject payload, string property) =>
        payload[property] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static StoredTemplate Read(Row r) => new()
    {
        Id = r.Guid("id"),
        TenantId = r.Guid("tenant_id"),
        SessionId = r.GuidOrNull("session_id"),
        Name = r.String("name"),
        Language = r.String("language"),
        Category = r.StringOrNull("category"),
        Payload = r.ObjectOrNull("payload") ?? [],
        Status = TemplateStatuses.TryParse(r.String("status"), out var status) ? status : TemplateStatus.Pending,
        MetaTemplateId = r.StringOrNull("meta_template_id"),
        RejectionReason = r.StringOrNull("rejection_reason"),
        LastEventKey = r.StringOrNull("last_event_key"),
        LastEventAt = r.TimeOrNull("last_event_at"),
        SubmittedAt = r.TimeOrNull("submitted_at"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
