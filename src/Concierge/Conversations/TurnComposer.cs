using System.Text.Json.Nodes;
using Concierge.Agents;

namespace Concierge.Conversations;

/// <summary>
/// The commit rules of a turn, written once: the two messages, the session's next state (the
/// skill's state, the action, counters, the sliding expiry, a hand-over), and the events. Every
/// path that commits a turn (and every test harness of a skill) goes through here.
/// </summary>
internal static class TurnComposer
{
    /// <param name="elapsed">How long the turn has run so far (its commit aside): the transcript shows it as the turn's duration.</param>
    public static TurnWrite Compose(
        Skills.SkillContext context, PhrasedTurn phrased, Agent? handedTo, DateTimeOffset now, TimeSpan sessionTtl, TimeSpan elapsed, Safety.CrisisFlag? safety = null)
    {
        var session = context.Session;
        var decision = phrased.Decided.Decision;
        var calls = phrased.Decided.ModelCalls;
        var userMessage = new Message(Guid.CreateVersion7(context.Now), session.Id, session.MessageCount + 1, MessageRole.User, context.UserText, context.Now, Safety: safety);
        var reply = new Message(Guid.CreateVersion7(now), session.Id, session.MessageCount + 2, MessageRole.Assistant, phrased.Reply, now, phrased.ReplyTokens);
        List<Message> messages = [userMessage, reply];
        List<DomainEvent> events = [.. decision.Events];

        var next = session with
        {
            State = decision.State,
            LastAction = decision.Action,
            ModelCallCount = session.ModelCallCount + calls.Count,
            UpdatedAt = now,
            ExpiresAt = session.CustomerId is null ? now + sessionTtl : null,
            Version = session.Version + 1,
        };

        if (decision.HandOver is { } handOver)
        {
            // The next agent (or skill) starts with its own state; the note is what it is told,
            // kept as a system message so that its model sees it as context.
            var toAgent = handedTo ?? context.Agent;
            next = next with
            {
                AgentId = toAgent.Id,
                Skill = handOver.Skill ?? (handedTo is null ? session.Skill : toAgent.Skill),
                State = Skills.SkillStateDocument.Empty,
                LastAction = decision.Action,
            };
            messages.Add(new Message(Guid.CreateVersion7(now), session.Id, session.MessageCount + 3, MessageRole.System, handOver.Note, now));
            events.Add(new DomainEvent("handed_over", new JsonObject
            {
                ["from_agent"] = context.Agent.Key,
                ["to_agent"] = toAgent.Key,
                ["skill"] = next.Skill,
            }));
        }

        next = next with { MessageCount = session.MessageCount + messages.Count };
        events.Add(new DomainEvent("turn_completed", new JsonObject
        {
            ["action"] = decision.Action,
            ["source"] = phrased.Source.ToString().ToLowerInvariant(),
            ["model_calls"] = calls.Count,
            // The transcript's turn facts and the analytics' agent filter read these: in the payload
            // the commit writes anyway, so the turn costs no extra statement.
            ["agent"] = context.Agent.Key,
            ["reply_sequence"] = reply.Sequence,
            ["duration_ms"] = (long)Math.Round(elapsed.TotalMilliseconds),
        }));
        // With the agent's DetectEmotions on, every user message gets its emotion read after the turn, by a job in the turn's own
        // transaction: it never delays the reply, and a crash after the commit cannot lose it.
        IReadOnlyList<Jobs.JobRequest> jobs = context.Agent.DetectEmotions
            ? [.. decision.Jobs, Emotions.EmotionJobs.For(session.Id, userMessage.Id)]
            : decision.Jobs;
        return new TurnWrite(next, messages, calls, events, decision.Effects, jobs);
    }
}
