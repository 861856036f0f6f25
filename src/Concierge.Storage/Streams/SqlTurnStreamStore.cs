using Concierge.Streams;
using Dapper;

namespace Concierge.Storage.Streams;

/// <summary>
/// <see cref="ITurnStreamStore"/> over turn_streams and turn_stream_events (migration 0011), the
/// same statements for SQLite and PostgreSQL. Writes are idempotent (a flush retried after a
/// failure writes nothing twice).
/// </summary>
public sealed class SqlTurnStreamStore(Database database) : ITurnStreamStore
{
    private const string Columns = "id, tenant_id, session_id, status, last_seq, started_at, updated_at, expires_at";
    private const int SweepBatch = 500;

    public Task WriteAsync(IReadOnlyList<TurnStreamWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return Task.CompletedTask;
        }

        return database.WriteAsync(
            async (connection, transaction) =>
            {
                foreach (var write in writes)
                {
                    var s = write.Stream;
                    await connection.ExecuteAsync(new CommandDefinition(
                        $"INSERT INTO turn_streams ({Columns}) VALUES (@id, @tenantId, @sessionId, @status, @lastSeq, @startedAt, @updatedAt, @expiresAt) "
                        + "ON CONFLICT (id) DO UPDATE SET status = excluded.status, last_seq = excluded.last_seq, "
                        + "updated_at = excluded.updated_at, expires_at = excluded.expires_at",
                        new
                        {
                            id = database.Id(s.Id),
                            tenantId = database.Id(s.TenantId),
                            sessionId = database.Id(s.SessionId),
                            status = Wire(s.Status),
                            lastSeq = s.LastSeq,
                            startedAt = database.Time(s.StartedAt),
                            updatedAt = database.Time(s.UpdatedAt),
                            expiresAt = database.Time(s.ExpiresAt),
                        },
                        transaction,
                        cancellationToken: cancellationToken));
                    if (write.Events.Count > 0)
                    {
                        var id = database.Id(s.Id);
                        await connection.ExecuteAsync(new CommandDefinition(
                            "INSERT INTO turn_stream_events (stream_id, seq, name, data) VALUES (@streamId, @seq, @name, @data) "
                            + "ON CONFLICT (stream_id, seq) DO NOTHING",
                            write.Events.Select(e => new { streamId = id, seq = e.Seq, name = e.Name, data = e.Data }),
                            transaction,
                            cancellationToken: cancellationToken));
                    }
                }
            },
            cancellationToken);
    }

    public async Task<TurnStreamInfo?> FindAsync(Guid tenantId, Guid streamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {Columns} FROM turn_streams WHERE id = @id AND tenant_id = @tenantId",
            new { id = database.Id(streamId), tenantId = database.Id(tenantId) },
            cancellationToken: cancellationToken));
        return row is { } r ? Read(r) : null;
    }

    public async Task<TurnStreamInfo?> LatestAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {Columns} FROM turn_streams WHERE tenant_id = @tenantId AND session_id = @sessionId ORDER BY started_at DESC, id DESC LIMIT 1",
            new { tenantId = database.Id(tenantId), sessionId = database.Id(sessionId) },
            cancellationToken: cancellationToken));
        return row is { } r ? Read(r) : null;
    }

    public async Task<IReadOnlyList<TurnStreamEvent>> ReadAsync(Guid streamId, int afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            "SELECT seq, name, data FROM turn_stream_events WHERE stream_id = @id AND seq > @after ORDER BY seq LIMIT @limit",
            new { id = database.Id(streamId), after = afterSeq, limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new TurnStreamEvent(r.Int("seq"), r.StringOrNull("name"), r.String("data")))];
    }

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var deleted = await database.WriteAsync(
                async (connection, transaction) =>
                {
                    var rows = await connection.QueryRowsAsync(new CommandDefinition(
                        "SELECT id FROM turn_streams WHERE expires_at <= @now ORDER BY expires_at LIMIT @batch",
                        new { now = database.Time(now), batch = SweepBatch },
                        transaction,
                        cancellationToken: cancellationToken));
                    if (rows.Count == 0)
                    {
                        return 0;
                    }

                    var ids = new DynamicParameters();
                    ids.Add("ids", database.Ids(rows.Select(r => r.Guid("id"))));
                    await connection.ExecuteAsync(new CommandDefinition(
                        $"DELETE FROM turn_stream_events WHERE {database.In("stream_id", "ids")}", ids, transaction, cancellationToken: cancellationToken));
                    await connection.ExecuteAsync(new CommandDefinition(
                        $"DELETE FROM turn_streams WHERE {database.In("id", "ids")}", ids, transaction, cancellationToken: cancellationToken));
                    return rows.Count;
                },
                cancellationToken);
            total += deleted;
            if (deleted < SweepBatch)
            {
                return total;
            }
        }
    }

    private static TurnStreamInfo Read(Row r) => new(
        r.Guid("id"),
        r.Guid("tenant_id"),
        r.Guid("session_id"),
        r.String("status") switch
        {
            "done" => TurnStreamStatus.Done,
            "failed" => TurnStreamStatus.Failed,
            _ => TurnStreamStatus.Running,
        },
        r.Int("last_seq"),
        r.Time("started_at"),
        r.Time("updated_at"),
        r.Time("expires_at"));

    private static string Wire(TurnStreamStatus status) => status switch
    {
        TurnStreamStatus.Done => "done",
        TurnStreamStatus.Failed => "failed",
        _ => "running",
    };
}
