using System.Data.Common;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Models;
using Concierge.Skills;
using Concierge.Storage.Effects;
using Concierge.Storage.Jobs;
using Dapper;

namespace Concierge.Storage;

/// <summary>
/// <see cref="ISessionStore"/> over SQL, the same statements for SQLite and PostgreSQL (the
/// <see cref="Database"/> supplies the few provider-specific pieces). Every statement names the
/// tenant, so another tenant's session is indistinguishable from a missing one.
/// </summary>
public sealed class SqlSessionStore : ISessionStore
{
    private const string SessionColumns =
        "id, tenant_id, agent_id, channel, customer_id, skill, state, last_action, "
        + "message_count, model_call_count, created_at, updated_at, expires_at, version, crisis_since, crisis_calm_turns";

    private const string MessageColumns = "id, session_id, seq, role, content, tokens, created_at, crisis, crisis_severity, crisis_rule, crisis_by";

    private const string RecentMessagesQuery =
        $"SELECT {MessageColumns} FROM messages WHERE tenant_id = @tenantId AND session_id = @sessionId ORDER BY seq DESC LIMIT @limit";

    private static readonly string[] MessageInsertColumns =
        ["id", "tenant_id", "session_id", "seq", "role", "content", "tokens", "created_at", "crisis", "crisis_severity", "crisis_rule", "crisis_by"];

    private static readonly string[] EventInsertColumns = ["id", "tenant_id", "session_id", "name", "data", "created_at"];

    internal static readonly string[] ModelCallInsertColumns =
    [
        "id", "tenant_id", "session_id", "started_at", "provider", "model", "request_payload", "response_payload",
        "latency_ms", "input_tokens", "output_tokens", "cost", "outcome", "error",
    ];

    private static readonly string[] ModelUsageInsertColumns =
    [
        "id", "tenant_id", "day", "started_at", "agent_id", "session_id", "customer_id", "provider", "model", "input_tokens", "output_tokens", "cost", "outcome",
    ];

    /// <summary>How many expired sessions one cleanup transaction removes, so no transaction grows large.</summary>
    private const int CleanupBatch = 200;

    private readonly Database _db;
    private readonly TimeProvider _clock;
    private readonly EffectWriters _effects;
    private readonly string _insertSession;
    private readonly string _commitLeased;
    private readonly string _commitUnleased;

    public SqlSessionStore(Database database, TimeProvider clock, EffectWriters? effects = null)
    {
        _db = database;
        _clock = clock;
        _effects = effects ?? EffectWriters.None;
        _insertSession =
            $"INSERT INTO sessions ({SessionColumns}) VALUES (@id, @tenantId, @agentId, @channel, @customerId, @skill, {_db.Json("state")}, "
            + "@lastAction, @messageCount, @modelCallCount, @createdAt, @updatedAt, @expiresAt, @version, @crisisSince, @crisisCalmTurns)";
        var commitSession =
            $"UPDATE sessions SET agent_id = @agentId, skill = @skill, state = {_db.Json("state")}, last_action = @lastAction, "
            + "message_count = @messageCount, model_call_count = @modelCallCount, "
            + "updated_at = @updatedAt, expires_at = @expiresAt, version = @newVersion, lease_id = NULL, lease_until = NULL, "
            + "crisis_since = @crisisSince, crisis_calm_turns = @crisisCalmTurns "
            + "WHERE tenant_id = @tenantId AND id = @id AND version = @expectedVersion AND ";
        _commitLeased = commitSession + "lease_id = @leaseId";
        _commitUnleased = commitSession + "(lease_id IS NULL OR lease_until < @now)";
    }

    public async Task<Session> CreateAsync(Session session, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken)
    {
        var stored = AsStored(session);
        await _db.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(_insertSession, SessionParameters(stored), transaction, cancellationToken: cancellationToken));
                await AddEvents(new SqlBatch(_db), stored.TenantId, stored.Id, events, stored.CreatedAt).ExecuteAsync(connection, transaction, cancellationToken);
            },
            cancellationToken);
        return stored;
    }

    public async Task<Session?> FindAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {SessionColumns} FROM sessions WHERE tenant_id = @tenantId AND id = @id",
            new { tenantId = _db.Id(tenantId), id = _db.Id(sessionId) },
            cancellationToken: cancellationToken));
        return row is { } r ? ReadSession(r) : null;
    }

    public async Task<Session?> FindByCustomerAsync(Guid tenantId, Guid agentId, string customerId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {SessionColumns} FROM sessions WHERE tenant_id = @tenantId AND agent_id = @agentId AND customer_id = @customerId "
            + "AND (expires_at IS NULL OR expires_at > @now) ORDER BY updated_at DESC LIMIT 1",
            new { tenantId = _db.Id(tenantId), agentId = _db.Id(agentId), customerId, now = _db.Time(_clock.GetUtcNow()) },
            cancellationToken: cancellationToken));
        return row is { } r ? ReadSession(r) : null;
    }

    public async Task<IReadOnlyList<Session>> ListAsync(Guid tenantId, SessionQuery query, CancellationToken cancellationToken)
    {
        var sql = new System.Text.StringBuilder($"SELECT {SessionColumns} FROM sessions WHERE tenant_id = @tenantId");
        if (query.CustomerId is not null)
        {
            sql.Append(" AND customer_id = @customerId");
        }

        if (query.AgentId is not null)
        {
            sql.Append(" AND agent_id = @agentId");
        }

        if (query.Channel is not null)
        {
            sql.Append(" AND channel = @channel");
        }

        if (query.From is not null)
        {
            sql.Append(" AND updated_at >= @from");
        }

        if (query.To is not null)
        {
            sql.Append(" AND created_at < @to");
        }

        if (query.Crisis is { } crisis)
        {
            sql.Append(crisis ? " AND EXISTS" : " AND NOT EXISTS")
                .Append(" (SELECT 1 FROM messages m WHERE m.tenant_id = sessions.tenant_id AND m.session_id = sessions.id AND m.crisis)");
        }

        if (query.Fallback is { } fallback)
        {
            sql.Append(fallback ? " AND EXISTS" : " AND NOT EXISTS")
                .Append(" (SELECT 1 FROM events e WHERE e.session_id = sessions.id AND e.tenant_id = sessions.tenant_id AND e.name = 'model_fallback')");
        }

        if (query.Text is not null)
        {
            // A plain substring match (LIKE, ILIKE on PostgreSQL), not full-text search: the
            // console's search box over a tenant's conversations, read a page at a time.
            var like = _db.Provider == DatabaseProvider.Postgres ? "ILIKE" : "LIKE";
            sql.Append($" AND EXISTS (SELECT 1 FROM messages t WHERE t.tenant_id = sessions.tenant_id AND t.session_id = sessions.id AND t.content {like} @text ESCAPE '\\')");
        }

        if (query.After is not null)
        {
            // Keyset paging: rows strictly older than the cursor row, so pages never overlap or skip.
            sql.Append(" AND (created_at, id) < (SELECT created_at, id FROM sessions WHERE tenant_id = @tenantId AND id = @after)");
        }

        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT @limit");
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            sql.ToString(),
            new
            {
                tenantId = _db.Id(tenantId),
                customerId = query.CustomerId,
                agentId = _db.Id(query.AgentId),
                after = _db.Id(query.After),
                limit = query.Limit,
                channel = query.Channel,
                from = _db.Time(query.From),
                to = _db.Time(query.To),
                text = query.Text is { } t ? "%" + EscapeLike(t) + "%" : null,
            },
            cancellationToken: cancellationToken));
        return [.. rows.Select(ReadSession)];
    }

    /// <summary>The text as a LIKE pattern's literal part (escape character: backslash).</summary>
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public async Task<IReadOnlyList<Message>> GetMessagesAsync(Guid tenantId, Guid sessionId, int afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {MessageColumns} FROM messages WHERE tenant_id = @tenantId AND session_id = @sessionId AND seq > @after ORDER BY seq LIMIT @limit",
            new { tenantId = _db.Id(tenantId), sessionId = _db.Id(sessionId), after = afterSequence, limit },
            cancellationToken: cancellationToken));
        return rows.Select(ReadMessage).ToList();
    }

    public async Task<IReadOnlyList<Message>> GetRecentMessagesAsync(Guid tenantId, Guid sessionId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            RecentMessagesQuery, new { tenantId = _db.Id(tenantId), sessionId = _db.Id(sessionId), limit }, cancellationToken: cancellationToken));
        return ReadRecent(rows);
    }

    public async Task<IReadOnlyList<ModelCallLog>> GetModelCallsAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            "SELECT id, started_at, provider, model, request_payload, response_payload, latency_ms, input_tokens, output_tokens, cost, outcome, error "
            + "FROM model_calls WHERE tenant_id = @tenantId AND session_id = @sessionId ORDER BY started_at, id",
            new { tenantId = _db.Id(tenantId), sessionId = _db.Id(sessionId) },
            cancellationToken: cancellationToken));
        return rows.Select(ReadModelCall).ToList();
    }

    public async Task<TurnSnapshot?> ReadForTurnAsync(Guid tenantId, Guid sessionId, int historyLimit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(historyLimit);
        var now = _clock.GetUtcNow();
        await using var connection = await _db.OpenAsync(cancellationToken);
        var sets = await connection.QueryRowSetsAsync(new CommandDefinition(
            $"SELECT {SessionColumns}, lease_until FROM sessions WHERE tenant_id = @tenantId AND id = @sessionId;\n"
            + $"{RecentMessagesQuery};",
            new { tenantId = _db.Id(tenantId), sessionId = _db.Id(sessionId), limit = historyLimit },
            cancellationToken: cancellationToken));
        if (sets[0] is not [var row])
        {
            return null;
        }

        var leasedElsewhere = row.TimeOrNull("lease_until") is { } until && until >= SqlTime.Truncate(now);
        return new TurnSnapshot(ReadSession(row), ReadRecent(sets[1]), leasedElsewhere);
    }

    public async Task<Session> AcquireTurnLeaseAsync(Guid tenantId, Guid sessionId, Guid leaseId, TimeSpan leaseDuration, TimeSpan wait, CancellationToken cancellationToken)
    {
        // The wait is measured on the real clock, not the injected one: a test's frozen clock
        // must not make a waiting turn spin forever. Lease times themselves use the injected clock.
        var waited = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            if (await TryLeaseAsync(tenantId, sessionId, leaseId, leaseDuration, cancellationToken) is { } session)
            {
                return session;
            }

            if (!await ExistsAsync(tenantId, sessionId, cancellationToken))
            {
                throw new SessionNotFoundException(sessionId.ToString());
            }

            var left = wait - waited.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new SessionBusyException(sessionId);
            }

            // Short and growing: a turn that just finished is picked up within milliseconds,
            // a long one is not hammered with queries.
            await Task.Delay(delay < left ? delay : left, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }

    public Task ReleaseTurnLeaseAsync(Guid tenantId, Guid sessionId, Guid leaseId, CancellationToken cancellationToken) =>
        _db.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE sessions SET lease_id = NULL, lease_until = NULL WHERE tenant_id = @tenantId AND id = @id AND lease_id = @leaseId",
                new { tenantId = _db.Id(tenantId), id = _db.Id(sessionId), leaseId = _db.Id(leaseId) },
                cancellationToken: cancellationToken)),
            cancellationToken);

    public Task CommitTurnAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        var session = AsStored(commit.Session);
        return _db.WriteAsync(
            async (connection, transaction) =>
            {
                var parameters = SessionParameters(session);
                parameters.Add("newVersion", commit.ExpectedVersion + 1);
                parameters.Add("expectedVersion", commit.ExpectedVersion);
                if (commit.LeaseId is { } leaseId)
                {
                    parameters.Add("leaseId", _db.Id(leaseId));
                }
                else
                {
                    parameters.Add("now", _db.Time(_clock.GetUtcNow()));
                }

                var sql = commit.LeaseId is null ? _commitUnleased : _commitLeased;
                var updated = await PreparedStatements.ExecuteAsync(connection, new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
                if (updated == 0)
                {
                    // Thrown inside the transaction, so it rolls back with nothing written.
                    throw new ConcurrencyConflictException(session.Id);
                }

                // The rest of the turn goes in one command: one round trip on PostgreSQL.
                var tenantId = _db.Id(session.TenantId);
                var sessionId = _db.Id(session.Id);
                var batch = new SqlBatch(_db)
                    .Insert("messages", MessageInsertColumns, commit.Messages.Select(m => new object?[]
                    {
                        _db.Id(m.Id), tenantId, sessionId, m.Sequence, m.Role.ToWire(), m.Content, m.Tokens, _db.Time(m.CreatedAt),
                        m.Safety?.IsCrisis, m.Safety?.SeverityWire, m.Safety?.Rule, m.Safety?.By,
                    }))
                    .Insert("model_calls", ModelCallInsertColumns, commit.ModelCalls.Select(c => new object?[]
                    {
                        _db.Id(c.Id), tenantId, sessionId, _db.Time(c.StartedAt), c.Provider, c.Model, c.RequestPayload.ToJsonString(),
                        c.ResponsePayload?.ToJsonString(), c.LatencyMs, c.InputTokens, c.OutputTokens, c.Cost, c.Outcome, c.Error,
                    }), "request_payload", "response_payload")
                    .Insert("model_usage", ModelUsageInsertColumns, commit.ModelCalls.Select(c => new object?[]
                    {
                        // The usage ledger (cost reports, budgets): no payload, and it outlives the session.
                        _db.Id(c.Id), tenantId, Concierge.Costs.UsageDay.Of(c.StartedAt), _db.Time(c.StartedAt), _db.Id(session.AgentId), sessionId, session.CustomerId,
                        c.Provider, c.Model, c.InputTokens, c.OutputTokens, c.Cost, c.Outcome,
                    }));
                AddEvents(batch, session.TenantId, session.Id, commit.Events, session.UpdatedAt);

                // The jobs the turn asked for are its outbox: rows in this same transaction.
                var jobs = commit.Jobs.Select(j => j.SessionId is null ? j with { SessionId = session.Id } : j).ToList();
                await JobRows.Append(batch, _db, session.TenantId, jobs, session.UpdatedAt).ExecuteAsync(connection, transaction, cancellationToken);

                // A feature's writes (a booking, a template record) land with the turn or not at all;
                // a writer that finds its write impossible now throws and the whole turn rolls back.
                var effects = new EffectWriteContext(_db, connection, transaction, session, cancellationToken);
                foreach (var effect in commit.Effects)
                {
                    await _effects.WriteAsync(effects, effect);
                }
            },
            cancellationToken);
    }

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A maintenance sweep across tenants (the one statement set without a tenant filter): it
        // picks expired sessions by time, then removes their rows by session id. Sessions whose
        // turn is running right now are left alone. Two instances sweeping at once is harmless:
        // the second finds the rows already gone.
        var total = 0;
        while (true)
        {
            var deleted = await _db.WriteAsync(
                async (connection, transaction) =>
                {
                    var rows = await connection.QueryRowsAsync(new CommandDefinition(
                        "SELECT id FROM sessions WHERE expires_at IS NOT NULL AND expires_at <= @now "
                        + "AND (lease_until IS NULL OR lease_until < @now) ORDER BY expires_at LIMIT @batch",
                        new { now = _db.Time(now), batch = CleanupBatch },
                        transaction,
                        cancellationToken: cancellationToken));
                    if (rows.Count == 0)
                    {
                        return 0;
                    }

                    // DynamicParameters (not an anonymous object's "object" member) lets Dapper see
                    // the list at run time, so that it can expand it for SQLite's IN.
                    var ids = new DynamicParameters();
                    ids.Add("ids", _db.Ids(rows.Select(r => r.Guid("id"))));
                    foreach (var table in new[] { "messages", "model_calls", "events" })
                    {
                        await connection.ExecuteAsync(new CommandDefinition(
                            $"DELETE FROM {table} WHERE {_db.In("session_id", "ids")}", ids, transaction, cancellationToken: cancellationToken));
                    }

                    return await connection.ExecuteAsync(new CommandDefinition(
                        $"DELETE FROM sessions WHERE {_db.In("id", "ids")}", ids, transaction, cancellationToken: cancellationToken));
                },
                cancellationToken);

            total += deleted;
            if (deleted < CleanupBatch)
            {
                return total;
            }
        }
    }

    private async Task<Session?> TryLeaseAsync(Guid tenantId, Guid sessionId, Guid leaseId, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var row = await _db.WriteStatementAsync(
            connection => connection.QueryRowAsync(new CommandDefinition(
                "UPDATE sessions SET lease_id = @leaseId, lease_until = @until "
                + "WHERE tenant_id = @tenantId AND id = @id AND (lease_until IS NULL OR lease_until < @now) "
                + $"RETURNING {SessionColumns}",
                new
                {
                    leaseId = _db.Id(leaseId),
                    until = _db.Time(now + leaseDuration),
                    tenantId = _db.Id(tenantId),
                    id = _db.Id(sessionId),
                    now = _db.Time(now),
                },
                cancellationToken: cancellationToken)),
            cancellationToken);
        return row is { } r ? ReadSession(r) : null;
    }

    private async Task<bool> ExistsAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sessions WHERE tenant_id = @tenantId AND id = @id",
            new { tenantId = _db.Id(tenantId), id = _db.Id(sessionId) },
            cancellationToken: cancellationToken));
        return count > 0;
    }

    private SqlBatch AddEvents(SqlBatch batch, Guid tenantId, Guid sessionId, IReadOnlyList<DomainEvent> events, DateTimeOffset at) =>
        batch.Insert("events", EventInsertColumns, events.Select(e => new object?[]
        {
            _db.Id(Guid.CreateVersion7(at)), _db.Id(tenantId), _db.Id(sessionId), e.Name, e.Data.ToJsonString(), _db.Time(at),
        }), "data");

    private DynamicParameters SessionParameters(Session s)
    {
        var parameters = new DynamicParameters();
        parameters.Add("id", _db.Id(s.Id));
        parameters.Add("tenantId", _db.Id(s.TenantId));
        parameters.Add("agentId", _db.Id(s.AgentId));
        parameters.Add("channel", s.Channel);
        parameters.Add("customerId", s.CustomerId);
        parameters.Add("skill", s.Skill);
        parameters.Add("state", s.State.Json);
        parameters.Add("lastAction", s.LastAction);
        parameters.Add("messageCount", s.MessageCount);
        parameters.Add("modelCallCount", s.ModelCallCount);
        parameters.Add("createdAt", _db.Time(s.CreatedAt));
        parameters.Add("updatedAt", _db.Time(s.UpdatedAt));
        parameters.Add("expiresAt", _db.Time(s.ExpiresAt));
        parameters.Add("version", s.Version);
        parameters.Add("crisisSince", _db.Time(s.CrisisSince));
        parameters.Add("crisisCalmTurns", s.CrisisCalmTurns);
        return parameters;
    }

    /// <summary>The session as a read would return it: times in UTC to the microsecond.</summary>
    private static Session AsStored(Session s) => s with
    {
        CreatedAt = SqlTime.Truncate(s.CreatedAt),
        UpdatedAt = SqlTime.Truncate(s.UpdatedAt),
        ExpiresAt = SqlTime.Truncate(s.ExpiresAt),
        CrisisSince = SqlTime.Truncate(s.CrisisSince),
    };

    private static Session ReadSession(Row r) => new()
    {
        Id = r.Guid("id"),
        TenantId = r.Guid("tenant_id"),
        AgentId = r.Guid("agent_id"),
        Channel = r.String("channel"),
        CustomerId = r.StringOrNull("customer_id"),
        Skill = r.StringOrNull("skill"),
        State = SkillStateDocument.FromJson(r.StringOrNull("state")),
        LastAction = r.StringOrNull("last_action"),
        MessageCount = r.Int("message_count"),
        ModelCallCount = r.Int("model_call_count"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
        ExpiresAt = r.TimeOrNull("expires_at"),
        Version = r.Long("version"),
        CrisisSince = r.TimeOrNull("crisis_since"),
        CrisisCalmTurns = r.Int("crisis_calm_turns"),
    };

    /// <summary>The newest messages were read newest first; the context wants them oldest first.</summary>
    private static List<Message> ReadRecent(IEnumerable<Row> rows) => rows.Select(ReadMessage).Reverse().ToList();

    private static Message ReadMessage(Row r) => new(
        r.Guid("id"),
        r.Guid("session_id"),
        r.Int("seq"),
        MessageRoles.Parse(r.String("role")),
        r.String("content"),
        r.Time("created_at"),
        r.IntOrNull("tokens"),
        ReadCrisisFlag(r));

    private static Concierge.Safety.CrisisFlag? ReadCrisisFlag(Row r) =>
        r.StringOrNull("crisis") is null ? null : new(
            r.Bool("crisis"),
            Enum.TryParse<Concierge.Safety.CrisisSeverity>(r.StringOrNull("crisis_severity"), ignoreCase: true, out var severity) ? severity : Concierge.Safety.CrisisSeverity.None,
            r.StringOrNull("crisis_rule"),
            r.StringOrNull("crisis_by") ?? "detector");

    private static ModelCallLog ReadModelCall(Row r) => new()
    {
        Id = r.Guid("id"),
        StartedAt = r.Time("started_at"),
        Provider = r.String("provider"),
        Model = r.String("model"),
        RequestPayload = r.JsonOrNull("request_payload") ?? new JsonObject(),
        ResponsePayload = r.JsonOrNull("response_payload"),
        LatencyMs = r.Long("latency_ms"),
        InputTokens = r.IntOrNull("input_tokens"),
        OutputTokens = r.IntOrNull("output_tokens"),
        Cost = r.DecimalOrNull("cost"),
        Outcome = r.String("outcome"),
        Error = r.StringOrNull("error"),
    };
}
