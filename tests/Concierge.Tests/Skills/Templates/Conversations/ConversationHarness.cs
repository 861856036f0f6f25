using System.Text;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Skills;
using Concierge.Skills.Templates.Builder;

namespace Concierge.Tests.Skills.Templates.Conversations;

/// <summary>
/// Runs the template skill turn by turn the way Turn.cs does offline: ProposeOffline → Apply, then the
/// outcome's memory, draft, action and payload become the session the next turn sees. A rejected
/// outcome is a failure here (the offline interpreter is the fallback; it must never be refused).
/// </summary>
internal sealed class ConversationHarness
{
    private static readonly Agent TemplateAgent = DemoTenant.Agent with { Skill = TemplateSkill.SkillName };

    private readonly List<Message> _history = [];
    private readonly StringBuilder _transcript = new();
    private DateTimeOffset _now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public ConversationHarness(TemplateSkill? skill = null)
    {
        Skill = skill ?? new TemplateSkill();
        Session = new Session
        {
            Id = Guid.NewGuid(),
            TenantId = DemoTenant.TenantId,
            AgentId = DemoTenant.AgentId,
            Channel = "web",
            CreatedAt = _now,
            UpdatedAt = _now,
        };
    }

    public TemplateSkill Skill { get; }

    public Session Session { get; private set; }

    /// <summary>Every exchange so far, for failure messages.</summary>
    public string Transcript => _transcript.ToString();

    public SkillContext Context(string text) => new(TemplateAgent, Session, _history.ToList(), text, _now);

    /// <summary>One offline turn.</summary>
    public SkillOutcome Say(string text) => Commit(text, Skill.ProposeOffline(Context(text)));

    /// <summary>One turn with a given proposal (a scripted model answer); a rejection falls back offline as Turn.cs does.</summary>
    public SkillOutcome Commit(string text, Proposal proposal)
    {
        var context = Context(text);
        var outcome = Skill.Apply(context, proposal);
        if (outcome.RejectionReason is not null)
        {
            outcome = Skill.Apply(context, Skill.ProposeOffline(context));
        }

        if (outcome.RejectionReason is not null)
        {
            throw new InvalidOperationException($"The offline proposal was rejected: {outcome.RejectionReason}\n{Transcript}");
        }

        _now = _now.AddMinutes(1);
        var draftId = outcome.Draft is null ? null
            : outcome.StartsNewDraft || Session.DraftId is null ? Guid.NewGuid()
            : Session.DraftId;
        _history.Add(new Message(Guid.NewGuid(), Session.Id, Session.MessageCount + 1, MessageRole.User, text, _now));
        _history.Add(new Message(Guid.NewGuid(), Session.Id, Session.MessageCount + 2, MessageRole.Assistant, outcome.Reply, _now));
        Session = Session with
        {
            Memory = outcome.Memory,
            Draft = outcome.Draft,
            DraftId = draftId,
            LastAction = outcome.Action,
            FinalPayload = outcome.FinalPayload,
            MessageCount = Session.MessageCount + 2,
            UpdatedAt = _now,
            Version = Session.Version + 1,
        };
        _transcript
            .AppendLine($"USER: {text}")
            .AppendLine($"BOT [{outcome.Action}] missing=[{string.Join(", ", outcome.Missing)}]: {outcome.Reply}")
            .AppendLine($"  memory: {outcome.Memory.ToJsonString()}")
            .AppendLine($"  draft: {outcome.Draft?.ToJsonString() ?? "null"}")
            .AppendLine($"  payload: {outcome.FinalPayload?.ToJsonString() ?? "null"}");
        return outcome;
    }

    public JsonObject Memory => Session.Memory;
}
