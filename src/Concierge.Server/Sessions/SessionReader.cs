using Concierge.Conversations;
using Concierge.Emotions;
using Concierge.Skills;
using Concierge.Server.Tenancy;

namespace Concierge.Server.Sessions;

/// <summary>The read side both route families share: a session, its history, a page of it, its debug view.</summary>
public sealed class SessionReader(
    SessionDirectory directory,
    ISessionStore store,
    SkillCatalog skills,
    IEmotionStore emotions,
    RequestTenant tenant,
    Concierge.Storage.Channels.SqlChannelStore channels,
    Concierge.Storage.SqlTurnFacts turns,
    Concierge.Jobs.IJobStore jobs)
{
    public const int MaxPageSize = 200;

    /// <summary>The debug view's jobs: the session's newest ones.</summary>
    public const int MaxDebugJobs = 200;

    /// <summary>The session; a customer's view stops at their own sessions (another's is "not found", like another tenant's).</summary>
    public async Task<Session> GetAsync(string rawId, CancellationToken cancellationToken)
    {
        var session = await directory.GetAsync(tenant.Id, rawId, cancellationToken);
        return tenant.Caller is { Role: Concierge.Tenants.Role.Customer } && session.CustomerId != tenant.CustomerScope
            ? throw new SessionNotFoundException(session.Id.ToString())
            : session;
    }

    /// <summary>What the routes show of the session's skill state.</summary>
    public SkillView ViewOf(Session session) => skills.ViewOf(session);

    public async Task<(Session Session, IReadOnlyList<Message> Messages)> HistoryAsync(string rawId, CancellationToken cancellationToken)
    {
        var session = await GetAsync(rawId, cancellationToken);
        var messages = await store.GetMessagesAsync(tenant.Id, session.Id, 0, int.MaxValue, cancellationToken);
        return (session, messages);
    }

    public async Task<MessagePage> PageAsync(string rawId, int after, int limit, CancellationToken cancellationToken)
    {
        var session = await GetAsync(rawId, cancellationToken);
        var messages = await store.GetMessagesAsync(tenant.Id, session.Id, after, limit, cancellationToken);
        int? next = messages.Count == limit && messages[^1].Sequence < session.MessageCount ? messages[^1].Sequence : null;
        var deliveries = await DeliveriesAsync(session.Id, cancellationToken);
        var replies = messages.Where(m => m.Role == MessageRole.Assistant).Select(m => m.Sequence).ToList();
        var facts = replies.Count > 0
            ? await turns.ForRepliesAsync(tenant.Id, session.Id, replies.Min(), replies.Max(), cancellationToken)
            : new Dictionary<int, Concierge.Storage.TurnFacts>();
        return new MessagePage(
            session.Id,
            messages.Select(m => MessageView.From(m) with
            {
                Delivery = deliveries.TryGetValue(m.Id, out var d) ? DeliveryView.From(d) : null,
                Turn = m.Role == MessageRole.Assistant && facts.TryGetValue(m.Sequence, out var f) ? TurnFactsView.From(f) : null,
            }).ToList(),
            next);
    }

    public async Task<DebugDocument> DebugAsync(string rawId, CancellationToken cancellationToken)
    {
        var (session, messages) = await HistoryAsync(rawId, cancellationToken);
        var calls = await store.GetModelCallsAsync(tenant.Id, session.Id, cancellationToken);
        var read = await emotions.ListForSessionAsync(tenant.Id, session.Id, cancellationToken);
        var deliveries = await DeliveriesAsync(session.Id, cancellationToken);
        var sessionJobs = await jobs.ListForSessionAsync(tenant.Id, session.Id, MaxDebugJobs, cancellationToken);
        var document = DebugDocument.From(session, skills.ViewOf(session), messages, calls, read.ToDictionary(e => e.MessageId)) with
        {
            Jobs = [.. sessionJobs.Select(DebugJob.From)],
        };
        return deliveries.Count == 0
            ? document
            : document with
            {
                Messages = [.. document.Messages.Select((m, i) => deliveries.TryGetValue(messages[i].Id, out var d) ? m with { Delivery = DeliveryView.From(d) } : m)],
            };
    }

    // The latest delivery of each message (a message is delivered once; the last row wins if not).
    private async Task<Dictionary<Guid, Concierge.Channels.ChannelDelivery>> DeliveriesAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var map = new Dictionary<Guid, Concierge.Channels.ChannelDelivery>();
        foreach (var d in await channels.DeliveriesAsync(tenant.Id, sessionId, cancellationToken))
        {
            if (d.MessageId is { } id)
            {
                map[id] = d;
            }
        }

        return map;
    }
}
