using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Bookings.Store;
using Concierge.Jobs;
using Concierge.Lifecycle;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Concierge.Storage.Lifecycle;

/// <summary>
/// <see cref="ICustomerData"/> over SQL. A customer is found by the customer id their sessions,
/// bookings and emotion records carry. On SQLite every connection runs with
/// <c>PRAGMA secure_delete</c> (<see cref="SqliteDatabase"/>), so an erased row's text is
/// overwritten in its page, and the write-ahead log is checkpointed and truncated after the
/// erasure so no older copy of a page stays in it. PostgreSQL keeps dead tuples until VACUUM
/// (autovacuum, or <c>VACUUM</c> for at once; docs/operations.md).
/// </summary>
public sealed class SqlCustomerData(Database database, TimeProvider clock, ILogger<SqlCustomerData> logger) : ICustomerData
{
    public async Task<JsonObject?> ExportAsync(Guid tenantId, string customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One read transaction: the document is one consistent moment (PostgreSQL: a snapshot; SQLite: the WAL reader's).
        await using var transaction = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var scope = await ScopeAsync(connection, transaction, tenantId, customerId, cancellationToken);
        if (scope.IsEmpty)
        {
            return null;
        }

        var p = scope.Parameters(database);
        var sessions = await RowsAsync(connection, transaction, $"SELECT s.id, a.key AS agent, s.channel, s.skill, s.state, s.last_action, s.message_count, s.created_at, s.updated_at, s.expires_at FROM sessions s LEFT JOIN agents a ON a.id = s.agent_id WHERE s.tenant_id = @tenantId AND {database.In("s.id", "sessions")} ORDER BY s.created_at", p, cancellationToken);
        var messages = await RowsAsync(connection, transaction, $"SELECT id, session_id, seq, role, content, created_at FROM messages WHERE tenant_id = @tenantId AND {database.In("session_id", "sessions")} ORDER BY session_id, seq", p, cancellationToken);
        var events = await RowsAsync(connection, transaction, $"SELECT session_id, name, data, created_at FROM events WHERE tenant_id = @tenantId AND {database.In("session_id", "sessions")} ORDER BY created_at", p, cancellationToken);
        var calls = await RowsAsync(connection, transaction, $"SELECT session_id, started_at, provider, model, input_tokens, output_tokens, cost, outcome FROM model_calls WHERE tenant_id = @tenantId AND {database.In("session_id", "sessions")} ORDER BY started_at", p, cancellationToken);
        var bookings = await RowsAsync(connection, transaction, $"SELECT b.id, s.key AS service, b.start_at, b.end_at, b.party_size, b.name, b.contact, b.customer_id, b.session_id, b.status, b.created_at, b.updated_at FROM bookings b LEFT JOIN services s ON s.id = b.service_id WHERE b.tenant_id = @tenantId AND {database.In("b.id", "bookings")} ORDER BY b.start_at", p, cancellationToken);
        var emotions = await RowsAsync(connection, transaction, $"SELECT session_id, message_id, label, score, detector, created_at FROM emotions WHERE tenant_id = @tenantId AND (customer_id = @customerId OR {database.In("session_id", "sessions")}) ORDER BY created_at", p, cancellationToken);
        var followUps = await RowsAsync(connection, transaction, $"SELECT payload, state, attempts, run_at, finished_at, last_error FROM jobs WHERE tenant_id = @tenantId AND kind = @followUp AND {database.In("dedup_key", "followUpKeys")} ORDER BY run_at", p, cancellationToken);

        var sessionList = new JsonArray();
        foreach (var s in sessions)
        {
            var id = s.Guid("id");
            sessionList.Add(new JsonObject
            {
                ["id"] = id.ToString(),
                ["agent"] = s.StringOrNull("agent"),
                ["channel"] = s.String("channel"),
                ["skill"] = s.StringOrNull("skill"),
                ["state"] = s.JsonOrNull("state"),
                ["last_action"] = s.StringOrNull("last_action"),
                ["created_at"] = s.Time("created_at"),
                ["updated_at"] = s.Time("updated_at"),
                ["expires_at"] = s.TimeOrNull("expires_at"),
                ["messages"] = new JsonArray([.. messages.Where(m => m.Guid("session_id") == id).Select(m => (JsonNode)new JsonObject
                {
                    ["id"] = m.Guid("id").ToString(),
                    ["seq"] = m.Int("seq"),
                    ["role"] = m.String("role"),
                    ["content"] = m.String("content"),
                    ["created_at"] = m.Time("created_at"),
                })]),
                ["events"] = new JsonArray([.. events.Where(e => e.GuidOrNull("session_id") == id).Select(e => (JsonNode)new JsonObject
                {
                    ["name"] = e.String("name"),
                    ["data"] = e.JsonOrNull("data"),
                    ["created_at"] = e.Time("created_at"),
                })]),
                ["model_calls"] = new JsonArray([.. calls.Where(c => c.Guid("session_id") == id).Select(c => (JsonNode)new JsonObject
                {
                    ["started_at"] = c.Time("started_at"),
                    ["provider"] = c.String("provider"),
                    ["model"] = c.String("model"),
                    ["input_tokens"] = c.IntOrNull("input_tokens"),
                    ["output_tokens"] = c.IntOrNull("output_tokens"),
                    ["cost_usd"] = c.DecimalOrNull("cost"),
                    ["outcome"] = c.String("outcome"),
                })]),
            });
        }

        return new JsonObject
        {
            ["tenant_id"] = tenantId.ToString(),
            ["customer_id"] = customerId,
            ["exported_at"] = clock.GetUtcNow(),
            ["sessions"] = sessionList,
            ["bookings"] = new JsonArray([.. bookings.Select(b => (JsonNode)new JsonObject
            {
                ["id"] = b.Guid("id").ToString(),
                ["service"] = b.StringOrNull("service"),
                ["start_at"] = b.Time("start_at"),
                ["end_at"] = b.Time("end_at"),
                ["party_size"] = b.Int("party_size"),
                ["name"] = b.String("name"),
                ["contact"] = b.String("contact"),
                ["customer_id"] = b.StringOrNull("customer_id"),
                ["session_id"] = b.GuidOrNull("session_id")?.ToString(),
                ["status"] = b.String("status"),
                ["created_at"] = b.Time("created_at"),
                ["updated_at"] = b.Time("updated_at"),
            })]),
            ["emotions"] = new JsonArray([.. emotions.Select(e => (JsonNode)new JsonObject
            {
                ["session_id"] = e.Guid("session_id").ToString(),
                ["message_id"] = e.Guid("message_id").ToString(),
                ["label"] = e.String("label"),
                ["score"] = e.Double("score"),
                ["detector"] = e.String("detector"),
                ["created_at"] = e.Time("created_at"),
            })]),
            ["follow_ups"] = new JsonArray([.. followUps.Select(f =>
            {
                var payload = f.ObjectOrNull("payload");
                return (JsonNode)new JsonObject
                {
                    ["booking_id"] = (string?)payload?[FollowUpJobs.BookingIdField],
                    ["type"] = (string?)payload?[FollowUpJobs.TypeField],
                    ["due_at"] = f.Time("run_at"),
                    // queued: not sent yet; done: delivered into the conversation; dead: failed for good; cancelled: the booking was cancelled.
                    ["delivery"] = f.String("state"),
                    ["attempts"] = f.Int("attempts"),
                    ["finished_at"] = f.TimeOrNull("finished_at"),
                    ["last_error"] = f.StringOrNull("last_error"),
                };
            })]),
        };
    }

    public async Task<ErasureReceipt?> EraseAsync(Guid tenantId, string customerId, string erasedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var receipt = await database.WriteAsync(
            async (connection, transaction) =>
            {
                var scope = await ScopeAsync(connection, transaction, tenantId, customerId, cancellationToken);
                if (scope.IsEmpty)
                {
                    return null;
                }

                var p = scope.Parameters(database);
                var inSessions = database.In("session_id", "sessions");
                var counts = new Dictionary<string, int>
                {
                    ["messages"] = await ExecAsync($"DELETE FROM messages WHERE tenant_id = @tenantId AND {inSessions}"),
                    ["model_calls"] = await ExecAsync($"DELETE FROM model_calls WHERE tenant_id = @tenantId AND {inSessions}"),
                    // Analytics keep the count of what happened, not to whom: name and time stay, session and data go.
                    ["events_anonymized"] = await ExecAsync($"UPDATE events SET session_id = NULL, data = '{{}}' WHERE tenant_id = @tenantId AND {inSessions}"),
                    ["emotions"] = await ExecAsync($"DELETE FROM emotions WHERE tenant_id = @tenantId AND (customer_id = @customerId OR {inSessions})"),
                    ["jobs"] = await ExecAsync(
                        $"DELETE FROM jobs WHERE tenant_id = @tenantId AND ({inSessions} OR (kind = @followUp AND {database.In("dedup_key", "followUpKeys")}))"),
                    ["bookings"] = await ExecAsync($"DELETE FROM bookings WHERE tenant_id = @tenantId AND {database.In("id", "bookings")}"),
                    ["usage_anonymized"] = await ExecAsync(
                        $"UPDATE model_usage SET session_id = NULL, customer_id = NULL WHERE tenant_id = @tenantId AND (customer_id = @customerId OR {inSessions})"),
                    ["templates_unlinked"] = await ExecAsync($"UPDATE templates SET session_id = NULL WHERE tenant_id = @tenantId AND {inSessions}"),
                    ["sessions"] = await ExecAsync($"DELETE FROM sessions WHERE tenant_id = @tenantId AND {database.In("id", "sessions")}"),
                };
                var id = Guid.CreateVersion7(now);
                var record = new JsonObject();
                foreach (var (name, count) in counts)
                {
                    record[name] = count;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO erasures (id, tenant_id, subject_hash, erased_by, erased_at, counts) VALUES (@id, @tenantId, @subject, @erasedBy, @now, {database.Json("counts")})",
                    new { id = database.Id(id), tenantId = database.Id(tenantId), subject = SubjectHash(tenantId, customerId), erasedBy, now = database.Time(now), counts = record.ToJsonString() },
                    transaction,
                    cancellationToken: cancellationToken));
                return new ErasureReceipt(id, SqlTime.Truncate(now), counts);

                Task<int> ExecAsync(string sql) => connection.ExecuteAsync(new CommandDefinition(sql, p, transaction, cancellationToken: cancellationToken));
            },
            cancellationToken);

        if (receipt is not null && database is SqliteDatabase sqlite)
        {
            await sqlite.TruncateLogAsync(logger, cancellationToken);
        }

        return receipt;
    }

    /// <summary>SHA-256 of "tenant id:customer id", lower-case hex: the erasure record's only trace of who it was.</summary>
    public static string SubjectHash(Guid tenantId, string customerId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId:D}:{customerId}")));

    private async Task<Scope> ScopeAsync(DbConnection connection, DbTransaction transaction, Guid tenantId, string customerId, CancellationToken cancellationToken)
    {
        var t = database.Id(tenantId);
        var sessions = (await connection.QueryRowsAsync(new CommandDefinition(
            "SELECT id FROM sessions WHERE tenant_id = @t AND customer_id = @customerId", new { t, customerId }, transaction, cancellationToken: cancellationToken)))
            .Select(r => r.Guid("id")).ToList();
        var ids = new DynamicParameters(new { t, customerId });
        ids.Add("sessions", database.Ids(sessions));
        var bookings = (await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT id FROM bookings WHERE tenant_id = @t AND (customer_id = @customerId OR {database.In("session_id", "sessions")})", ids, transaction, cancellationToken: cancellationToken)))
            .Select(r => r.Guid("id")).ToList();
        var emotions = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM emotions WHERE tenant_id = @t AND customer_id = @customerId", new { t, customerId }, transaction, cancellationToken: cancellationToken));
        return new Scope(tenantId, customerId, sessions, bookings, emotions);
    }

    private static async Task<IReadOnlyList<Row>> RowsAsync(DbConnection connection, DbTransaction transaction, string sql, DynamicParameters parameters, CancellationToken cancellationToken) =>
        await connection.QueryRowsAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    private sealed record Scope(Guid TenantId, string CustomerId, IReadOnlyList<Guid> Sessions, IReadOnlyList<Guid> Bookings, long Emotions)
    {
        public bool IsEmpty => Sessions.Count == 0 && Bookings.Count == 0 && Emotions == 0;

        public DynamicParameters Parameters(Database database)
        {
            var p = new DynamicParameters();
            p.Add("tenantId", database.Id(TenantId));
            p.Add("customerId", CustomerId);
            p.Add("sessions", database.Ids(Sessions));
            p.Add("bookings", database.Ids(Bookings));
            p.Add("followUp", JobKinds.FollowUpSend);
            p.Add("followUpKeys", Bookings.SelectMany(b => new[] { FollowUpJobs.KeyOf(FollowUpJobs.Reminder, b), FollowUpJobs.KeyOf(FollowUpJobs.ThankYou, b) }).ToList());
            return p;
        }
    }
}
