using System.Data.Common;
using System.Text.Json.Nodes;
using Concierge.Channels;
using Concierge.Conversations;
using Concierge.Jobs;
using Dapper;

namespace Concierge.Storage.Channels;

/// <summary>A stored account with its secrets still encrypted (the server's protector opens them).</summary>
public sealed record StoredChannelAccount(ChannelAccount Account, string ProtectedSecrets);

/// <summary>An inbound message's row: who it is for and where its processing stands.</summary>
public sealed record InboundRow(string Provider, string ExternalKey, Guid TenantId, Guid AccountId, Guid? SessionId, string State, string? ReplyText);

/// <summary>The customer's conversation with one business number.</summary>
public sealed record ChannelContact(Guid AccountId, string Customer, Guid TenantId, Guid SessionId, DateTimeOffset LastInboundAt);

/// <summary>An outbound message as its send job reads it.</summary>
public sealed record OutboundRow(
    Guid Id, Guid TenantId, Guid SessionId, Guid? MessageId, Guid AccountId, string Provider, string Recipient, string Body,
    IReadOnlyList<ReplyChoice> Choices, string Kind, string Delivery, string? ExternalId, int? ErrorCode, string? ErrorDetail);

/// <summary>What to send: the outbound row written with its send job (and, for a business-initiated message, the message itself).</summary>
public sealed record NewOutbound(Guid TenantId, Guid SessionId, Guid AccountId, string Provider, string Recipient, string Body, IReadOnlyList<ReplyChoice> Choices);

/// <summary>
/// The channels' tables (migration 0010): accounts, inbound deduplication, contacts (the window),
/// outbound deliveries, and the Data Protection key ring. Inbound rows and the jobs that process them
/// are written in one transaction; so are outbound rows and their send jobs.
/// </summary>
public sealed class SqlChannelStore(Database database, TimeProvider clock)
{
    /// <summary>How many times a send is tried (429 and 5xx back off between attempts) before it fails for good.</summary>
    public const int SendAttempts = 6;

    private const string AccountColumns =
        "id, tenant_id, provider, address, label, waba_id, account_sid, agent_key, template_name, template_language, secrets, created_at";

    private const string OutboundColumns =
        "id, tenant_id, session_id, message_id, account_id, provider, recipient, body, choices, kind, delivery, external_id, error_code, error_detail";

    // ---- accounts ----

    /// <summary>Adds an account; false when its provider and address already belong to an account (of any tenant).</summary>
    public async Task<bool> AddAccountAsync(ChannelAccount account, string protectedSecrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        try
        {
            return await database.WriteStatementAsync(
                c => c.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO channel_accounts ({AccountColumns}) VALUES (@id, @tenantId, @provider, @address, @label, @wabaId, @accountSid, @agentKey, "
                    + "@templateName, @templateLanguage, @secrets, @createdAt) ON CONFLICT DO NOTHING",
                    new
                    {
                        id = database.Id(account.Id),
                        tenantId = database.Id(account.TenantId),
                        provider = account.Provider,
                        address = account.Address,
                        label = account.Label,
                        wabaId = account.WabaId,
                        accountSid = account.AccountSid,
                        agentKey = account.AgentKey,
                        templateName = account.TemplateName,
                        templateLanguage = account.TemplateLanguage,
                        secrets = protectedSecrets,
                        createdAt = database.Time(account.CreatedAt),
                    },
                    cancellationToken: cancellationToken)),
                cancellationToken) == 1;
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
    }

    /// <summary>Every stored account of every tenant (the webhooks' routing table), oldest first.</summary>
    public Task<IReadOnlyList<StoredChannelAccount>> AllAccountsAsync(CancellationToken cancellationToken) =>
        AccountsAsync($"SELECT {AccountColumns} FROM channel_accounts ORDER BY created_at, id", new { }, cancellationToken);

    public Task<IReadOnlyList<StoredChannelAccount>> TenantAccountsAsync(Guid tenantId, CancellationToken cancellationToken) =>
        AccountsAsync($"SELECT {AccountColumns} FROM channel_accounts WHERE tenant_id = @tenantId ORDER BY created_at, id", new { tenantId = database.Id(tenantId) }, cancellationToken);

    /// <summary>Deletes the tenant's account; false when the tenant has no such account.</summary>
    public async Task<bool> DeleteAccountAsync(Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        await database.WriteStatementAsync(
            c => c.ExecuteAsync(new CommandDefinition(
                "DELETE FROM channel_accounts WHERE tenant_id = @tenantId AND id = @id",
                new { tenantId = database.Id(tenantId), id = database.Id(id) },
                cancellationToken: cancellationToken)),
            cancellationToken) == 1;

    private async Task<IReadOnlyList<StoredChannelAccount>> AccountsAsync(string sql, object args, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new StoredChannelAccount(
            new ChannelAccount(
                r.Guid("id"), r.Guid("tenant_id"), r.String("provider"), r.String("address"), r.StringOrNull("label"), r.StringOrNull("waba_id"),
                r.StringOrNull("account_sid"), r.StringOrNull("agent_key"), r.StringOrNull("template_name"), r.StringOrNull("template_language"),
                new ChannelSecrets(), r.Time("created_at")),
            r.String("secrets")))];
    }

    // ---- inbound ----

    /// <summary>
    /// Records an inbound message by its channel key and enqueues the job that processes it, in one
    /// transaction; false (nothing written) when the key was seen before. The primary key decides,
    /// so two deliveries at the same moment on two processes accept one.
    /// </summary>
    public async Task<bool> AcceptInboundAsync(
        string provider, string externalKey, Guid tenantId, Guid accountId, string state, JobRequest job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            return await database.WriteAsync(
                async (c, t) =>
                {
                    var now = clock.GetUtcNow();
                    var inserted = await c.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO channel_inbound (provider, external_key, tenant_id, account_id, session_id, state, reply_text, created_at, updated_at) "
                        + "VALUES (@provider, @key, @tenantId, @accountId, NULL, @state, NULL, @now, @now) ON CONFLICT DO NOTHING",
                        new { provider, key = externalKey, tenantId = database.Id(tenantId), accountId = database.Id(accountId), state, now = database.Time(now) },
                        t,
                        cancellationToken: cancellationToken));
                    if (inserted == 0)
                    {
                        return false;
                    }

                    await InsertJobAsync(c, t, tenantId, job, JobRetryPolicy.DefaultMaxAttempts, now, cancellationToken);
                    return true;
                },
                cancellationToken);
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
    }

    public async Task<InboundRow?> FindInboundAsync(string provider, string externalKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var r = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT provider, external_key, tenant_id, account_id, session_id, state, reply_text FROM channel_inbound WHERE provider = @provider AND external_key = @key",
            new { provider, key = externalKey },
            cancellationToken: cancellationToken));
        return r is { } row
            ? new InboundRow(row.String("provider"), row.String("external_key"), row.Guid("tenant_id"), row.Guid("account_id"), row.GuidOrNull("session_id"), row.String("state"), row.StringOrNull("reply_text"))
            : null;
    }

    /// <summary>Moves the inbound row from one of <paramref name="from"/> to <paramref name="to"/> (compare and set); false when it was elsewhere.</summary>
    public Task<bool> MoveInboundAsync(
        string provider, string externalKey, IReadOnlyList<string> from, string to, string? replyText, Guid? sessionId, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(c => MoveInboundAsync(c, null, provider, externalKey, from, to, replyText, sessionId, cancellationToken), cancellationToken);

    private async Task<bool> MoveInboundAsync(
        DbConnection connection, DbTransaction? transaction, string provider, string externalKey, IReadOnlyList<string> from, string to, string? replyText, Guid? sessionId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        var states = string.Join(", ", from.Select((_, i) => "@s" + i));
        var args = new DynamicParameters(new
        {
            provider,
            key = externalKey,
            to,
            reply = replyText,
            session = database.Id(sessionId),
            now = database.Time(clock.GetUtcNow()),
        });
        for (var i = 0; i < from.Count; i++)
        {
            args.Add("s" + i, from[i]);
        }

        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE channel_inbound SET state = @to, reply_text = COALESCE(@reply, reply_text), session_id = COALESCE(@session, session_id), updated_at = @now "
            + $"WHERE provider = @provider AND external_key = @key AND state IN ({states})",
            args,
            transaction,
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Inside the caller's transaction (a turn's, or the polite answer's): the inbound message is
    /// answered by the session's message <paramref name="messageId"/>. A Twilio webhook still waiting
    /// gets the reply as TwiML (recorded as sent); otherwise the reply is queued with its send job and
    /// the row is done. Throws <see cref="InboundAlreadyAnsweredException"/> when an earlier run
    /// answered it, so that the caller's transaction (the second turn) rolls back whole.
    /// </summary>
    public async Task AnswerInboundAsync(
        DbConnection connection, DbTransaction transaction, string provider, string externalKey, NewOutbound reply, Guid messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);

        // The mark of the answer has an id derived from the message's key: a second answer meets the
        // first at the primary key, whatever state the row is in (and outlives the row's own record).
        var now = clock.GetUtcNow();
        var marked = await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO events (id, tenant_id, session_id, name, data, created_at) VALUES (@id, @tenantId, @sessionId, @name, {database.Json("data")}, @now) ON CONFLICT DO NOTHING",
            new
            {
                id = database.Id(AnswerMarkId(provider, externalKey)),
                tenantId = database.Id(reply.TenantId),
                sessionId = database.Id(reply.SessionId),
                name = InboundAnsweredEvent,
                data = new JsonObject { ["provider"] = provider, ["key"] = externalKey, ["message_id"] = messageId.ToString() }.ToJsonString(),
                now = database.Time(now),
            },
            transaction,
            cancellationToken: cancellationToken));
        if (marked == 0)
        {
            throw new InboundAlreadyAnsweredException(provider, externalKey);
        }

        if (provider == ChannelProviders.Twilio
            && await MoveInboundAsync(
                connection, transaction, provider, externalKey, [InboundStates.Waiting], InboundStates.ReplyReady, NumberedChoices.Append(reply.Body, reply.Choices), reply.SessionId, cancellationToken))
        {
            await WriteOutboundAsync(connection, transaction, reply, messageId, false, cancellationToken);
            return;
        }

        if (!await MoveInboundAsync(
            connection, transaction, provider, externalKey, [InboundStates.Queued, InboundStates.Waiting, InboundStates.Rest], InboundStates.Done, null, reply.SessionId, cancellationToken))
        {
            // Answered before the mark existed (or the row is gone): no second answer either way.
            throw new InboundAlreadyAnsweredException(provider, externalKey);
        }

        await WriteOutboundAsync(connection, transaction, reply, messageId, true, cancellationToken);
    }

    /// <summary>Whether an earlier run answered the inbound message (its mark is stored), whatever its row says.</summary>
    public async Task<bool> InboundAnsweredAsync(string provider, string externalKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT COUNT(*) AS n FROM events WHERE id = @id",
            new { id = database.Id(AnswerMarkId(provider, externalKey)) },
            cancellationToken: cancellationToken));
        return row is { } r && r.Long("n") > 0;
    }

    /// <summary>The name of the event that marks an inbound message answered (one per message).</summary>
    public const string InboundAnsweredEvent = "channel_inbound_answered";

    private static Guid AnswerMarkId(string provider, string externalKey) => NameIds.Of($"concierge.channel.inbound-answered|{provider}|{externalKey}");

    // ---- contacts (the window) ----

    /// <summary>The customer wrote at <paramref name="at"/>: the window's start moves forward (never back), and the session is remembered.</summary>
    public Task TouchContactAsync(Guid tenantId, Guid accountId, string customer, Guid sessionId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            c => c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO channel_contacts (account_id, customer, tenant_id, session_id, last_inbound_at) VALUES (@accountId, @customer, @tenantId, @sessionId, @at) "
                + "ON CONFLICT (account_id, customer) DO UPDATE SET session_id = excluded.session_id, "
                + "last_inbound_at = CASE WHEN excluded.last_inbound_at > channel_contacts.last_inbound_at THEN excluded.last_inbound_at ELSE channel_contacts.last_inbound_at END",
                new { accountId = database.Id(accountId), customer, tenantId = database.Id(tenantId), sessionId = database.Id(sessionId), at = database.Time(at) },
                cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<ChannelContact?> ContactAsync(Guid accountId, string customer, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var r = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT account_id, customer, tenant_id, session_id, last_inbound_at FROM channel_contacts WHERE account_id = @accountId AND customer = @customer",
            new { accountId = database.Id(accountId), customer },
            cancellationToken: cancellationToken));
        return r is { } row ? ReadContact(row) : null;
    }

    /// <summary>The channel conversation a session belongs to (the latest, if it moved between numbers), or null.</summary>
    public async Task<ChannelContact?> ContactOfSessionAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var r = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT account_id, customer, tenant_id, session_id, last_inbound_at FROM channel_contacts WHERE tenant_id = @tenantId AND session_id = @sessionId "
            + "ORDER BY last_inbound_at DESC LIMIT 1",
            new { tenantId = database.Id(tenantId), sessionId = database.Id(sessionId) },
            cancellationToken: cancellationToken));
        return r is { } row ? ReadContact(row) : null;
    }

    private static ChannelContact ReadContact(Row row) =>
        new(row.Guid("account_id"), row.String("customer"), row.Guid("tenant_id"), row.Guid("session_id"), row.Time("last_inbound_at"));

    // ---- outbound ----

    /// <summary>
    /// Inside the caller's transaction: writes the outbound row for <paramref name="messageId"/> and its
    /// send job (dedup key: the message id). Used by a follow-up and an operator's message, whose
    /// message is written by the same transaction. Returns the delivery id.
    /// </summary>
    public async Task<Guid> QueueAsync(DbConnection connection, DbTransaction transaction, NewOutbound outbound, Guid? messageId, CancellationToken cancellationToken) =>
        await WriteOutboundAsync(connection, transaction, outbound, messageId, true, cancellationToken);

    private async Task<Guid> WriteOutboundAsync(
        DbConnection connection, DbTransaction transaction, NewOutbound outbound, Guid? messageId, bool send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        var now = clock.GetUtcNow();
        var id = messageId ?? Guid.CreateVersion7(now);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO channel_deliveries ({OutboundColumns}, created_at, updated_at) VALUES (@id, @tenantId, @sessionId, @messageId, @accountId, @provider, "
            + "@recipient, @body, @choices, @kind, @delivery, NULL, NULL, NULL, @now, @now) ON CONFLICT DO NOTHING",
            new
            {
                id = database.Id(id),
                tenantId = database.Id(outbound.TenantId),
                sessionId = database.Id(outbound.SessionId),
                messageId = database.Id(messageId),
                accountId = database.Id(outbound.AccountId),
                provider = outbound.Provider,
                recipient = outbound.Recipient,
                body = outbound.Body,
                choices = WriteChoices(outbound.Choices),
                now = database.Time(now),
                kind = send ? "text" : "twiml",
                delivery = send ? DeliveryStates.Queued : DeliveryStates.Sent,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (inserted == 1 && send)
        {
            var job = new JobRequest(JobKinds.ChannelSend, new JsonObject { ["delivery_id"] = id.ToString() }, DedupKey: "send:" + id, SessionId: outbound.SessionId);
            await InsertJobAsync(connection, transaction, outbound.TenantId, job, SendAttempts, now, cancellationToken);
        }

        return id;
    }

    /// <summary>
    /// Inside the caller's transaction: when the session is a channel conversation (a contact names
    /// it), queues the delivery of its message <paramref name="messageId"/> to the customer there.
    /// False when the session has no channel (the message stays in the session only).
    /// </summary>
    public async Task<bool> QueueForSessionAsync(
        DbConnection connection, DbTransaction transaction, Guid tenantId, Guid sessionId, Guid messageId, string text, CancellationToken cancellationToken)
    {
        var row = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT c.account_id, c.customer, s.channel FROM channel_contacts c JOIN sessions s ON s.tenant_id = c.tenant_id AND s.id = c.session_id "
            + "WHERE c.tenant_id = @tenantId AND c.session_id = @sessionId ORDER BY c.last_inbound_at DESC LIMIT 1",
            new { tenantId = database.Id(tenantId), sessionId = database.Id(sessionId) },
            transaction,
            cancellationToken: cancellationToken));
        if (row is not { } r)
        {
            return false;
        }

        var provider = r.String("channel") == ChannelProviders.Twilio ? ChannelProviders.Twilio : ChannelProviders.WhatsApp;
        await QueueAsync(connection, transaction, new NewOutbound(tenantId, sessionId, r.Guid("account_id"), provider, r.String("customer"), text, []), messageId, cancellationToken);
        return true;
    }

    public async Task<OutboundRow?> OutboundAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var r = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {OutboundColumns} FROM channel_deliveries WHERE tenant_id = @tenantId AND id = @id",
            new { tenantId = database.Id(tenantId), id = database.Id(id) },
            cancellationToken: cancellationToken));
        if (r is not { } row)
        {
            return null;
        }

        var choices = ReadChoices(row.JsonOrNull("choices"));
        return new OutboundRow(
            row.Guid("id"), row.Guid("tenant_id"), row.Guid("session_id"), row.GuidOrNull("message_id"), row.Guid("account_id"), row.String("provider"),
            row.String("recipient"), row.String("body"), choices, row.String("kind"), row.String("delivery"), row.StringOrNull("external_id"),
            row.IntOrNull("error_code"), row.StringOrNull("error_detail"));
    }

    /// <summary>Records what the send did: the state, the provider's id (wamid, SID), the error.</summary>
    public Task SetOutboundAsync(Guid id, string kind, string state, string? externalId, int? errorCode, string? errorDetail, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            c => c.ExecuteAsync(new CommandDefinition(
                "UPDATE channel_deliveries SET kind = @kind, delivery = @state, external_id = COALESCE(@externalId, external_id), error_code = @errorCode, "
                + "error_detail = @errorDetail, updated_at = @now WHERE id = @id",
                new { id = database.Id(id), kind, state, externalId, errorCode, errorDetail = Shorten(errorDetail), now = database.Time(clock.GetUtcNow()) },
                cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>
    /// A status webhook: moves the delivery with this provider id forward (sent, delivered, read, or
    /// failed with its code), never backwards. Returns the delivery when one matched and moved.
    /// </summary>
    public async Task<OutboundRow?> ApplyStatusAsync(string provider, string externalId, string state, int? errorCode, string? errorDetail, CancellationToken cancellationToken)
    {
        var rank = DeliveryStates.Rank(state);
        var lower = new[] { DeliveryStates.Queued, DeliveryStates.Sent, DeliveryStates.Delivered, DeliveryStates.Read }
            .Where(s => DeliveryStates.Rank(s) < rank || (state == DeliveryStates.Failed && s != DeliveryStates.Read)).ToArray();
        if (rank < 0 || lower.Length == 0)
        {
            return null;
        }

        var args = new DynamicParameters(new { provider, externalId, state, errorCode, errorDetail = Shorten(errorDetail), now = database.Time(clock.GetUtcNow()) });
        for (var i = 0; i < lower.Length; i++)
        {
            args.Add("s" + i, lower[i]);
        }

        var row = await database.WriteStatementAsync(
            c => c.QueryRowAsync(new CommandDefinition(
                "UPDATE channel_deliveries SET delivery = @state, error_code = COALESCE(@errorCode, error_code), error_detail = COALESCE(@errorDetail, error_detail), "
                + $"updated_at = @now WHERE provider = @provider AND external_id = @externalId AND delivery IN ({string.Join(", ", lower.Select((_, i) => "@s" + i))}) "
                + "RETURNING tenant_id, id",
                args,
                cancellationToken: cancellationToken)),
            cancellationToken);
        if (row is not { } r)
        {
            return null;
        }

        ChannelTelemetry.RecordDelivery(provider, state);
        return await OutboundAsync(r.Guid("tenant_id"), r.Guid("id"), cancellationToken);
    }

    /// <summary>
    /// The choices the session's latest outbound message offered (none when it offered none): a
    /// Twilio reply that is just a number is read against them.
    /// </summary>
    public async Task<IReadOnlyList<ReplyChoice>> LastOfferedChoicesAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT choices FROM channel_deliveries WHERE tenant_id = @tenantId AND session_id = @sessionId ORDER BY created_at DESC, id DESC LIMIT 1",
            new { tenantId = database.Id(tenantId), sessionId = database.Id(sessionId) },
            cancellationToken: cancellationToken));
        return row is { } r ? ReadChoices(r.JsonOrNull("choices")) : [];
    }

    /// <summary>The session's outbound deliveries, oldest first (the history's and the debug document's <c>delivery</c>).</summary>
    public async Task<IReadOnlyList<ChannelDelivery>> DeliveriesAsync(Guid tenantId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            "SELECT id, session_id, message_id, provider, kind, delivery, external_id, error_code, error_detail, updated_at FROM channel_deliveries "
            + "WHERE tenant_id = @tenantId AND session_id = @sessionId ORDER BY created_at, id",
            new { tenantId = database.Id(tenantId), sessionId = database.Id(sessionId) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ChannelDelivery(
            r.Guid("id"), r.Guid("session_id"), r.GuidOrNull("message_id"), r.String("provider"), r.String("kind"), r.String("delivery"),
            r.StringOrNull("external_id"), r.IntOrNull("error_code"), r.StringOrNull("error_detail"), r.Time("updated_at")))];
    }

    /// <summary>
    /// Appends a business-initiated assistant message (an operator's) to the session and queues its
    /// delivery, in one transaction. Retried by the caller while a turn holds the session.
    /// </summary>
    public Task<(Guid MessageId, Guid DeliveryId)> AppendAndQueueAsync(NewOutbound outbound, string eventName, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                var messageId = await AppendAsync(c, t, outbound, eventName, cancellationToken);
                return (messageId, await WriteOutboundAsync(c, t, outbound, messageId, true, cancellationToken));
            },
            cancellationToken);

    /// <summary>
    /// A polite answer to an inbound message (a photo, a message too long): appended to the session
    /// and the message answered with it (<see cref="AnswerInboundAsync"/>), in one transaction.
    /// Retried by the caller while a turn holds the session.
    /// </summary>
    public Task AnswerWithMessageAsync(string provider, string externalKey, NewOutbound answer, string eventName, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                var messageId = await AppendAsync(c, t, answer, eventName, cancellationToken);
                await AnswerInboundAsync(c, t, provider, externalKey, answer, messageId, cancellationToken);
            },
            cancellationToken);

    private async Task<Guid> AppendAsync(DbConnection c, DbTransaction t, NewOutbound outbound, string eventName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        var now = clock.GetUtcNow();
        var (tenantId, sessionId) = (database.Id(outbound.TenantId), database.Id(outbound.SessionId));
        var seq = await c.QueryRowAsync(new CommandDefinition(
            "UPDATE sessions SET message_count = message_count + 1, version = version + 1, updated_at = @now "
            + "WHERE tenant_id = @tenantId AND id = @sessionId AND (lease_until IS NULL OR lease_until < @now) RETURNING message_count",
            new { now = database.Time(now), tenantId, sessionId },
            t,
            cancellationToken: cancellationToken))
            ?? throw new SessionBusyOrGoneException(outbound.SessionId);
        var messageId = Guid.CreateVersion7(now);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO messages (id, tenant_id, session_id, seq, role, content, tokens, created_at) VALUES (@messageId, @tenantId, @sessionId, @seq, 'assistant', @text, NULL, @now)",
            new { messageId = database.Id(messageId), tenantId, sessionId, seq = seq.Int("message_count"), text = outbound.Body, now = database.Time(now) },
            t,
            cancellationToken: cancellationToken));
        await c.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO events (id, tenant_id, session_id, name, data, created_at) VALUES (@eventId, @tenantId, @sessionId, @name, {database.Json("data")}, @now)",
            new { eventId = database.Id(Guid.CreateVersion7(now)), tenantId, sessionId, name = eventName, data = new JsonObject { ["message_id"] = messageId.ToString() }.ToJsonString(), now = database.Time(now) },
            t,
            cancellationToken: cancellationToken));
        return messageId;
    }

    /// <summary>Records an event on a session (a reaction, an unsupported message) outside any turn.</summary>
    public Task RecordEventAsync(Guid tenantId, Guid sessionId, string name, JsonObject data, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            c => c.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO events (id, tenant_id, session_id, name, data, created_at) VALUES (@id, @tenantId, @sessionId, @name, {database.Json("data")}, @now)",
                new { id = database.Id(Guid.CreateVersion7(clock.GetUtcNow())), tenantId = database.Id(tenantId), sessionId = database.Id(sessionId), name, data = data.ToJsonString(), now = database.Time(clock.GetUtcNow()) },
                cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>Enqueues a job on its own (an alert), ignoring a dedup key already taken.</summary>
    public Task EnqueueAsync(Guid tenantId, JobRequest job, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => InsertJobAsync(c, t, tenantId, job, JobRetryPolicy.DefaultMaxAttempts, clock.GetUtcNow(), cancellationToken), cancellationToken);

    /// <summary>Whether the tenant has an APPROVED template with this name and language (the window's fallback may use it).</summary>
    public async Task<bool> TemplateApprovedAsync(Guid tenantId, string name, string language, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT COUNT(*) AS n FROM templates WHERE tenant_id = @tenantId AND name = @name AND language = @language AND status = 'APPROVED'",
            new { tenantId = database.Id(tenantId), name, language },
            cancellationToken: cancellationToken));
        return row is { } r && r.Long("n") > 0;
    }

    // ---- Data Protection key ring ----

    public async Task<IReadOnlyList<string>> KeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition("SELECT xml FROM data_protection_keys ORDER BY created_at, name", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.String("xml"))];
    }

    public Task StoreKeyAsync(string name, string xml, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            c => c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @now) ON CONFLICT DO NOTHING",
                new { name, xml, now = database.Time(clock.GetUtcNow()) },
                cancellationToken: cancellationToken)),
            cancellationToken);

    private async Task InsertJobAsync(DbConnection c, DbTransaction t, Guid tenantId, JobRequest job, int maxAttempts, DateTimeOffset now, CancellationToken cancellationToken) =>
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO jobs (id, tenant_id, kind, payload, state, attempts, max_attempts, run_at, dedup_key, session_id, created_at, updated_at) "
            + $"VALUES (@id, @tenantId, @kind, {database.Json("payload")}, 'queued', 0, @maxAttempts, @runAt, @dedupKey, @sessionId, @now, @now) ON CONFLICT DO NOTHING",
            new
            {
                id = database.Id(Guid.CreateVersion7(now)),
                tenantId = database.Id(tenantId),
                kind = job.Kind,
                payload = job.Payload.ToJsonString(),
                maxAttempts,
                runAt = database.Time(job.RunAt ?? now),
                dedupKey = job.DedupKey,
                sessionId = database.Id(job.SessionId),
                now = database.Time(now),
            },
            t,
            cancellationToken: cancellationToken));

    private static string? Shorten(string? text) => text is null || text.Length <= 500 ? text : text[..500];

    /// <summary>The offered choices as stored: <c>[{"id","title"}]</c>, or null for none.</summary>
    private static string? WriteChoices(IReadOnlyList<ReplyChoice> choices) =>
        choices.Count == 0 ? null : new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["title"] = c.Title })]).ToJsonString();

    private static ReplyChoice[] ReadChoices(JsonNode? stored) => stored is JsonArray array
        ? [.. array.OfType<JsonObject>().Where(o => (string?)o["id"] is not null).Select(o => new ReplyChoice((string)o["id"]!, (string?)o["title"] ?? (string)o["id"]!))]
        : [];
}

/// <summary>The session is in the middle of a turn (retry shortly) or was deleted.</summary>
public sealed class SessionBusyOrGoneException(Guid sessionId) : Exception($"Session {sessionId} is answering a message or is gone.")
{
    public Guid SessionId { get; } = sessionId;
}
