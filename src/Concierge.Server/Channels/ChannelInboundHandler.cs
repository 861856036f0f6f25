using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Channels;
using Concierge.Conversations;
using Concierge.Jobs;
using Concierge.Storage.Channels;

namespace Concierge.Server.Channels;

/// <summary>
/// Runs channel.inbound: the customer's session for (business number, customer) — one per pair,
/// customer-keyed, never expiring — then the turn for text, button and list replies and captions,
/// a polite answer for media, locations and contacts, an event for reactions and other types. The
/// reply goes to the customer through channel.send (or, for Twilio while the webhook still waits,
/// back as TwiML). The message is marked answered, and its reply queued, in the same transaction
/// as the turn (or the polite answer): a run taken over after a crash, or racing a run still at
/// work, finds it answered and makes no second turn.
/// </summary>
public sealed class ChannelInboundHandler(
    SqlChannelStore store,
    ChannelAccountDirectory directory,
    ISessionStore sessionStore,
    IAgentCatalog agents,
    Turn turn,
    ConversationOptions options,
    TimeProvider clock,
    ILogger<ChannelInboundHandler> logger) : IJobHandler
{
    public const string MediaReply = "Thanks! I can only read text messages for now. Could you type what you need?";
    public const string TooLongReply = "Sorry, that message is too long for me. Could you send it in a few shorter messages?";

    public string Kind => JobKinds.ChannelInbound;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var p = context.Payload;
        var provider = (string?)p["provider"] ?? throw new PermanentJobFailure("No provider.");
        var key = (string?)p["key"] ?? throw new PermanentJobFailure("No message key.");
        var from = (string?)p["from"] ?? throw new PermanentJobFailure("No sender.");
        var kind = (string?)p["kind"] ?? InboundKinds.Unsupported;
        if (!Guid.TryParse((string?)p["account_id"], out var accountId))
        {
            throw new PermanentJobFailure("No account id.");
        }

        var inbound = await store.FindInboundAsync(provider, key, cancellationToken);
        if (inbound is null || inbound.State is InboundStates.Done or InboundStates.ReplyReady or InboundStates.Twiml)
        {
            return;
        }

        // An earlier run answered it (its mark is stored) but the row says otherwise: no second turn.
        if (await store.InboundAnsweredAsync(provider, key, cancellationToken))
        {
            await AlreadyAnsweredAsync(inbound, cancellationToken);
            return;
        }

        var account = await directory.ByIdAsync(accountId, cancellationToken);
        if (account is null)
        {
            logger.LogWarning("Inbound {Provider} message dropped: its account {AccountId} was removed", provider, accountId);
            await store.MoveInboundAsync(provider, key, [inbound.State], InboundStates.Done, null, null, cancellationToken);
            return;
        }

        var at = p["at"] is JsonValue v && v.TryGetValue<long>(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : clock.GetUtcNow();
        if (at > clock.GetUtcNow())
        {
            at = clock.GetUtcNow();
        }

        var session = await SessionAsync(account, from, cancellationToken);
        await store.TouchContactAsync(account.TenantId, account.Id, from, session.Id, at, cancellationToken);
        var outbound = new NewOutbound(account.TenantId, session.Id, account.Id, account.Provider, from, string.Empty, []);

        switch (kind)
        {
            case InboundKinds.Text:
                await TurnAsync(inbound, outbound, await ChoiceOrTextAsync(outbound, (string?)p["text"] ?? string.Empty, cancellationToken), cancellationToken);
                return;
            case InboundKinds.Media:
                await ReplyAsync(inbound, outbound with { Body = MediaReply }, cancellationToken);
                return;
            default:
                // Reactions and unsupported types: recorded, not answered.
                await store.RecordEventAsync(account.TenantId, session.Id, kind == InboundKinds.Reaction ? "channel_reaction" : "channel_unsupported", new JsonObject
                {
                    ["provider"] = provider,
                    ["type"] = (string?)p["type"],
                    ["detail"] = (string?)p["detail"],
                }, cancellationToken);
                await FinishAsync(inbound, null, cancellationToken);
                return;
        }
    }

    private async Task TurnAsync(InboundRow inbound, NewOutbound outbound, string raw, CancellationToken cancellationToken)
    {
        UserText text;
        try
        {
            text = UserText.From(raw, options.MaxMessageLength);
        }
        catch (InvalidTurnInputException e)
        {
            logger.LogInformation("Inbound message on session {SessionId} refused ({Code}); answered politely", outbound.SessionId, e.Code);
            await ReplyAsync(inbound, outbound with { Body = e.Code == TurnInputCodes.TooLong ? TooLongReply : MediaReply }, cancellationToken);
            return;
        }

        // The message is answered in the turn's own transaction (InboundAnswered): a run of this job
        // after a crash, or alongside a run whose claim it took over, finds it answered and stops.
        var request = new TurnRequest(outbound.TenantId, outbound.SessionId, text, outbound.Provider)
        {
            ReplyEffect = (reply, decision) => new InboundAnswered(
                inbound.Provider, inbound.ExternalKey, outbound with { Body = reply.Content, Choices = decision.Choices }, reply.Id),
        };
        try
        {
            await turn.TakeAsync(request, cancellationToken);
        }
        catch (InboundAlreadyAnsweredException)
        {
            await AlreadyAnsweredAsync(inbound, cancellationToken);
        }
    }

    /// <summary>
    /// On Twilio the choices were numbered lines: a reply that is just one of those numbers is that
    /// choice, so the turn reads its id as if typed (WhatsApp sends the id of the tapped button itself).
    /// </summary>
    private async Task<string> ChoiceOrTextAsync(NewOutbound outbound, string text, CancellationToken cancellationToken) =>
        outbound.Provider == ChannelProviders.Twilio && text.Trim().Length is > 0 and <= 4
            && NumberedChoices.Picked(text, await store.LastOfferedChoicesAsync(outbound.TenantId, outbound.SessionId, cancellationToken)) is { } id
            ? id
            : text;

    /// <summary>A polite answer (a photo, a message too long): appended to the session and the message answered with it, in one transaction.</summary>
    private async Task ReplyAsync(InboundRow inbound, NewOutbound answer, CancellationToken cancellationToken)
    {
        try
        {
            await store.AnswerWithMessageAsync(inbound.Provider, inbound.ExternalKey, answer, "channel_reply", cancellationToken);
        }
        catch (InboundAlreadyAnsweredException)
        {
            await AlreadyAnsweredAsync(inbound, cancellationToken);
        }
    }

    private async Task AlreadyAnsweredAsync(InboundRow inbound, CancellationToken cancellationToken)
    {
        logger.LogWarning("Inbound {Provider} message {Key} was answered by an earlier run of its job; no second answer", inbound.Provider, inbound.ExternalKey);
        await FinishAsync(inbound, null, cancellationToken);
    }

    private Task FinishAsync(InboundRow inbound, Guid? sessionId, CancellationToken cancellationToken) =>
        store.MoveInboundAsync(inbound.Provider, inbound.ExternalKey, [InboundStates.Queued, InboundStates.Waiting, InboundStates.Rest], InboundStates.Done, null, sessionId, cancellationToken);

    private async Task<Session> SessionAsync(ChannelAccount account, string customer, CancellationToken cancellationToken)
    {
        // One conversation per (business number, customer), also when their first messages are
        // taken at the same moment by two workers: the session's id is derived from the pair, so
        // the second insert conflicts and finds the first one's session.
        var id = SessionIdOf(account, customer);
        if (await sessionStore.FindAsync(account.TenantId, id, cancellationToken) is { } existing)
        {
            return existing;
        }

        var agent = account.AgentKey is { } key
            ? await agents.FindByKeyAsync(account.TenantId, key, cancellationToken) ?? throw new PermanentJobFailure($"The account's agent '{key}' does not exist.")
            : await agents.DefaultAsync(account.TenantId, cancellationToken);
        var now = clock.GetUtcNow();
        var session = new Session
        {
            Id = id,
            TenantId = account.TenantId,
            AgentId = agent.Id,
            Skill = agent.Skill,
            Channel = account.Provider,
            CustomerId = $"{account.Provider}:{account.Address}:{customer}",
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            return await sessionStore.CreateAsync(
                session, [new DomainEvent("session_started", new JsonObject { ["agent"] = agent.Key, ["channel"] = account.Provider })], cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            var taken = await sessionStore.FindAsync(account.TenantId, id, cancellationToken);
            if (taken is null)
            {
                throw;
            }

            return taken;
        }
    }

    /// <summary>A stable id for the (account, customer) conversation: SHA-256 of the pair, as an RFC 9562 version 8 UUID.</summary>
    public static Guid SessionIdOf(ChannelAccount account, string customer)
    {
        ArgumentNullException.ThrowIfNull(account);
        return NameIds.Of($"concierge.channel.session|{account.TenantId}|{account.Id}|{customer}");
    }
}
