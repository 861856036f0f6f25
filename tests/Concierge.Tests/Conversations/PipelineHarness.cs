using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Models;
using Concierge.Safety;
using Concierge.Skills;
using Concierge.Testing;
using Concierge.Testing.InMemory;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concierge.Tests.Conversations;

/// <summary>The real <see cref="Turn"/> over an in-memory store, with a probe skill and optionally a scripted model.</summary>
internal sealed class PipelineHarness
{
    public static readonly Agent First = DemoTenant.Assistant with { Key = "first", Skill = ProbeSkill.SkillName, DetectEmotions = true };
    public static readonly Agent Second = DemoTenant.Assistant with { Id = Guid.NewGuid(), Key = "second", Skill = "chat" };

    /// <param name="extra">Another skill the stock agents may run (the support agent's knowledge skill).</param>
    public PipelineHarness(ILanguageModel? model = null, ISafetyCheck? safety = null, ProbeSkill? probe = null, ISkill? extra = null)
    {
        Store = new InMemorySessionStore(Clock);
        Probe = probe ?? new ProbeSkill();
        var options = new ConversationOptions();
        var claims = new SessionClaims(Store, new SessionGate(), options, NullLogger<SessionClaims>.Instance);
        var agents = new InMemoryAgentCatalog(First, Second, DemoTenant.Support);
        var chat = new global::Concierge.Skills.Chat.ChatSkill(new global::Concierge.Skills.Chat.ChatSkillOptions());
        Skills = new SkillCatalog(extra is null ? [Probe, chat] : [Probe, chat, extra]);
        Turn = new Turn(claims, agents, Skills, safety ?? new NoCrisisDetection(), options, Clock, NullLogger<Turn>.Instance, model);
        Directory = new SessionDirectory(Store, agents, options, Clock);
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public InMemorySessionStore Store { get; }

    public ProbeSkill Probe { get; }

    public SkillCatalog Skills { get; }

    public Turn Turn { get; }

    public SessionDirectory Directory { get; }

    public Task<Session> StartAsync() => Directory.StartAsync(First.TenantId, First.Key, "web", null, CancellationToken.None);

    /// <summary>A session with the chat agent, whose replies the model words.</summary>
    public async Task<Session> StartChatAsync() =>
        await Directory.StartAsync(Second.TenantId, Second.Key, "web", null, CancellationToken.None);

    /// <summary>A session with a stock agent of the demo tenant.</summary>
    public Task<Session> StartAsync(Agent agent) => Directory.StartAsync(agent.TenantId, agent.Key, "web", null, CancellationToken.None);

    public Task<TurnResult> SayAsync(Session session, string text, ITurnObserver? observer = null) =>
        Turn.TakeAsync(new TurnRequest(session.TenantId, session.Id, UserText.From(text, 2000), "web"), observer, CancellationToken.None);

    public async Task<IReadOnlyList<Message>> MessagesAsync(Session session) =>
        await Store.GetMessagesAsync(session.TenantId, session.Id, 0, 100, CancellationToken.None);
}
