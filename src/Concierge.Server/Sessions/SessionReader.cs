using Concierge.Conversations;
using Concierge.Emotions;
using Concierge.Skills;
using Concierge.Server.Tenancy;

namespace Concierge.Server.Sessions;

/// <summary>The read side both route families share: a session, its history, a page of it, its debug view.</summary>
public sealed class SessionReader(SessionDirectory directory, ISessionStore store, SkillCatalog skills, IEmotionStore emotions, RequestTenant tenant)
{
    public const int MaxPageSize = 200;

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
        return new MessagePage(session.Id, messages.Select(MessageView.From).ToList(), next);
    }

    public async Task<DebugDocument> DebugAsync(string rawId, CancellationToken cancellationToken)
    {
        var (session, messages) = await HistoryAsync(rawId, cancellationToken);
        var calls = await store.GetModelCallsAsync(tenant.Id, session.Id, cancellationToken);
        var read = await emotions.ListForSessionAsync(tenant.Id, session.Id, cancellationToken);
        return DebugDocument.From(session, skills.ViewOf(session), messages, calls, read.ToDictionary(e => e.MessageId));
    }
}
