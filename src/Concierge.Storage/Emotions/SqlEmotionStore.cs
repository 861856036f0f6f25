using Concierge.Emotions;
using Concierge.Models;
using Dapper;

namespace Concierge.Storage.Emotions;

/// <summary>
/// <see cref="IEmotionStore"/> over the emotions table, plus the detect job's write; every statement
/// names the tenant. Lists are in message order: message ids are time-ordered (v7), while jobs may
/// record them in any order.
/// </summary>
public sealed class SqlEmotionStore(Database database, TimeProvider clock) : IEmotionStore
{
    private const string Columns = "id, session_id, message_id, customer_id, label, score, detector, created_at";

    public async Task<IReadOnlyList<EmotionRecord>> ListForCustomerAsync(Guid tenantId, string customerId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {Columns} FROM emotions WHERE tenant_id = @tenantId AND customer_id = @customerId ORDER BY message_id LIMIT @limit",
            new { tenantId = database.Id(tenantId), customerId, limit },
            cancellationToken: cancellationToken));
        return rows.Select(Read).ToList();
    }

    public async Task<IReadOnlyList<EmotionRecord>> ListForSessionAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {Columns} FROM emotions WHERE tenant_id = @tenantId AND session_id = @sessionId ORDER BY message_id",
            new { tenantId = database.Id(tenantId), sessionId = database.Id(sessionId) },
            cancellationToken: cancellationToken));
        return rows.Select(Read).ToList();
    }

    /// <summary>The user message to read, with its session's customer; null when it is gone (its session was erased).</summary>
    internal async Task<(string Content, Guid SessionId, string? CustomerId)?> FindMessageAsync(Guid tenantId, Guid messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT m.content, m.session_id, s.customer_id FROM messages m JOIN sessions s ON s.tenant_id = m.tenant_id AND s.id = m.session_id "
            + "WHERE m.tenant_id = @tenantId AND m.id = @id",
            new { tenantId = database.Id(tenantId), id = database.Id(messageId) },
            cancellationToken: cancellationToken));
        return row is { } r ? (r.String("content"), r.Guid("session_id"), r.StringOrNull("customer_id")) : null;
    }

    /// <summary>Writes the reading once per message: a second run of the same job changes nothing.</summary>
    internal Task SaveAsync(
        Guid tenantId, Guid sessionId, Guid messageId, string? customerId, EmotionReading reading, IReadOnlyList<ModelCallLog> calls, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // The model calls that read it are logged with it (cost per tenant counts them), in one transaction.
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                if (calls.Count > 0)
                {
                    await new SqlBatch(database)
                        .Insert("model_calls", SqlSessionStore.ModelCallInsertColumns, calls.Select(c => new object?[]
                        {
                            database.Id(c.Id), database.Id(tenantId), database.Id(sessionId), database.Time(c.StartedAt), c.Provider, c.Model,
                            c.RequestPayload.ToJsonString(), c.ResponsePayload?.ToJsonString(), c.LatencyMs, c.InputTokens, c.OutputTokens, c.Cost, c.Outcome, c.Error,
                        }), "request_payload", "response_payload")
                        .ExecuteAsync(connection, transaction, cancellationToken);
                }

                await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO emotions ({Columns}, tenant_id) VALUES (@id, @sessionId, @messageId, @customerId, @label, @score, @detector, @now, @tenantId) "
                + "ON CONFLICT DO NOTHING",
                new
                {
                    id = database.Id(Guid.CreateVersion7(now)),
                    sessionId = database.Id(sessionId),
                    messageId = database.Id(messageId),
                    customerId,
                    label = reading.Label.ToString().ToLowerInvariant(),
                    score = reading.Score,
                    detector = reading.Detector,
                    now = database.Time(now),
                    tenantId = database.Id(tenantId),
                },
                transaction,
                cancellationToken: cancellationToken));
            },
            cancellationToken);
    }

    private static EmotionRecord Read(Row r) => new(
        r.Guid("id"),
        r.Guid("session_id"),
        r.Guid("message_id"),
        r.StringOrNull("customer_id"),
        new EmotionReading(Enum.Parse<EmotionLabel>(r.String("label"), ignoreCase: true), r.Double("score"), r.String("detector")),
        r.Time("created_at"));
}
