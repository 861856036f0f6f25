using System.Text;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Safety;
using Concierge.Skills;
using Concierge.Skills.Templates.Builder;
using Concierge.Testing;
using Concierge.Testing.InMemory;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concierge.Tests.Skills.Templates.Conversations;

/// <summary>
/// Runs the template skill turn by turn through the real <see cref="Turn"/> over an in-memory store,
/// so each turn is committed by the pipeline's own rules (no copy of them here). <see cref="Say"/> is
/// an offline turn; <see cref="Commit"/> a model turn with a scripted answer (a refused answer falls
/// back offline, as in production); <see cref="Apply"/> only decides, without committing.
/// </summary>
internal sealed class ConversationHarness
{
    private static readonly Agent TemplateAgent = DemoTenant.Agent with { Skill = TemplateSkill.SkillName };

    private readonly StringBuilder _transcript = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemorySessionStore _store;
    private readonly ScriptedLanguageModel _model = new();
    private readonly Turn _offline;
    private readonly Turn _withModel;
    private readonly Guid _sessionId;
    private IReadOnlyList<Message> _history = [];

    public ConversationHarness(TemplateSkill? skill = null)
    {
        Skill = skill ?? new TemplateSkill();
        _store = new InMemorySessionStore(_clock);
        var options = new ConversationOptions();
        var claims = new SessionClaims(_store, new SessionGate(), options, NullLogger<SessionClaims>.Instance);
        var agents = new InMemoryAgentCatalog(TemplateAgent);
        var skills = new SkillCatalog([Skill]);
        _offline = new Turn(claims, agents, skills, new NoCrisisDetection(), options, _clock, NullLogger<Turn>.Instance);
        _withModel = new Turn(claims, agents, skills, new NoCrisisDetection(), options, _clock, NullLogger<Turn>.Instance, _model);

        var now = _clock.GetUtcNow();
        _sessionId = Guid.NewGuid();
        Session = new Session
        {
            Id = _sessionId,
            TenantId = DemoTenant.TenantId,
            AgentId = TemplateAgent.Id,
            Skill = TemplateSkill.SkillName,
            Channel = "web",
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + options.SessionTtl,
        };
        _store.CreateAsync(Session, [], CancellationToken.None).GetAwaiter().GetResult();
    }

    public TemplateSkill Skill { get; }

    public Session Session { get; private set; }

    public TemplateState State => TemplateSkill.Load(Session.State);

    public TemplateMemory Memory => State.Memory;

    /// <summary>Every exchange so far, for failure messages.</summary>
    public string Transcript => _transcript.ToString();

    public SkillContext Context(string text) => new(TemplateAgent, Session, _history, text, _clock.GetUtcNow());

    /// <summary>One offline turn, committed.</summary>
    public TemplateTurn Say(string text) => Take(_offline, text);

    /// <summary>One model turn whose model answers <paramref name="modelAnswer"/>, committed.</summary>
    public TemplateTurn Commit(string text, string modelAnswer)
    {
        _model.Then(modelAnswer);
        return Take(_withModel, text);
    }

    /// <summary>The decision on a proposal, without committing it.</summary>
    public TemplateTurn Apply(string text, Proposal proposal)
    {
        var decision = Skill.DecideAsync(Context(text), proposal, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var state = decision.IsRejected ? TemplateState.Initial : TemplateSkill.Load(decision.State);
        return TemplateTurn.From(decision, state, decision.Reply.Fallback, previousDraftId: State.DraftId);
    }

    private TemplateTurn Take(Turn turn, string text)
    {
        _clock.Advance(TimeSpan.FromMinutes(1));
        var previousDraftId = State.DraftId;
        var result = turn.TakeAsync(
            new TurnRequest(Session.TenantId, _sessionId, UserText.From(text, 100_000), "web"), CancellationToken.None).GetAwaiter().GetResult();
        if (result.Decision.IsRejected)
        {
            throw new InvalidOperationException($"The pipeline committed a rejected decision: {result.Decision.RejectionReason}\n{Transcript}");
        }

        Session = result.Session;
        _history = _store.GetRecentMessagesAsync(Session.TenantId, _sessionId, 40, CancellationToken.None).GetAwaiter().GetResult();
        var outcome = TemplateTurn.From(result.Decision, State, result.Reply.Content, result.Source, previousDraftId);
        _transcript
            .AppendLine($"USER: {text}")
            .AppendLine($"BOT [{outcome.Action}] missing=[{string.Join(", ", outcome.Missing)}]: {outcome.Reply}")
            .AppendLine($"  memory: {outcome.Memory.ToJson().ToJsonString()}")
            .AppendLine($"  draft: {outcome.Draft?.ToJsonString() ?? "null"}")
            .AppendLine($"  payload: {outcome.FinalPayload?.ToJsonString() ?? "null"}");
        return outcome;
    }
}
