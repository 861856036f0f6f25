using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Models;
using Concierge.Safety;
using Concierge.Skills;
using Microsoft.Extensions.Logging;

namespace Concierge.Conversations;

/// <summary>
/// The turn pipeline (SPEC section 2), the one path every channel's message takes. Read
/// <see cref="TakeAsync"/> top to bottom: validate, lock, load, safety, interpret, apply, commit.
/// Authentication and rate limits (step 2) happen at the edge before a request reaches here;
/// background work (step 8) and the response (step 9) belong to the channel.
/// </summary>
public sealed class Turn(
    ISessionStore sessions,
    IAgentCatalog agents,
    SkillCatalog skills,
    ISafetyCheck safety,
    SessionGate gate,
    ConversationOptions options,
    TimeProvider clock,
    ILogger<Turn> logger,
    IEnumerable<ITurnListener> listeners,
    ILanguageModel? model = null)
{
    private const int CommitAttempts = 3;

    public async Task<TurnResult> TakeAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        // 1. Validate: a refused message writes nothing.
        var text = MessageText.Validate(request.Text, options.MaxMessageLength);

        // 3. One turn per session at a time, in arrival order: in this process by the gate, across
        //    processes by the store. Waiting may be cancelled; once the turn has begun it runs to its
        //    commit even if the caller goes away, so an accepted message is never lost.
        await using var _ = await gate.EnterAsync(request.SessionId, cancellationToken);

        // A turn that calls the model takes the session's lease before it starts, so that no other
        // process pays for the same turn. Without a model a turn is cheap to redo, so it reads
        // without writing and commits only if the session did not move meanwhile: one write per
        // turn instead of two. It falls back to the lease after a lost race, or when another
        // process holds the lease, so it cannot lose forever.
        var useLease = model is not null;
        var conflicts = 0;
        while (true)
        {
            Guid? leaseId = null;
            Session session;
            IReadOnlyList<Message> history;
            if (useLease)
            {
                leaseId = Guid.NewGuid();
                session = await sessions.AcquireTurnLeaseAsync(
                    request.TenantId, request.SessionId, leaseId.Value, options.TurnLease, options.TurnWait, cancellationToken);
                history = await RecentHistoryAsync(session);
            }
            else
            {
                var snapshot = await sessions.ReadForTurnAsync(request.TenantId, request.SessionId, options.HistoryMessages, cancellationToken)
                    ?? throw new SessionNotFoundException(request.SessionId.ToString());
                if (snapshot.LeasedElsewhere)
                {
                    useLease = true;
                    continue;
                }

                (session, history) = (snapshot.Session, snapshot.History);
            }

            try
            {
                var now = clock.GetUtcNow();
                if (session.IsExpiredAt(now))
                {
                    throw new SessionExpiredException(session.Id, session.ExpiresAt!.Value);
                }

                var agent = await agents.FindAsync(session.TenantId, session.AgentId, CancellationToken.None)
                    ?? throw new InvalidOperationException($"Session {session.Id} names agent {session.AgentId}, which does not exist.");
                var context = new SkillContext(agent, session, history, text, now);

                // 4-6. Safety first; then the skill decides on the interpreter's proposal.
                var decision = await DecideAsync(agent, context);

                // 7. Everything the turn produced is committed together, before anyone sees the reply.
                var commit = Commit(context, decision, leaseId, clock.GetUtcNow());
                await sessions.CommitTurnAsync(commit, CancellationToken.None);
                var result = new TurnResult(
                    commit.Session, commit.Messages[0], commit.Messages[1], decision.Outcome, decision.Source, decision.ModelCalls,
                    !JsonNode.DeepEquals(session.FinalPayload, commit.Session.FinalPayload));
                await NotifyAsync(result);
                return result;
            }
            catch (ConcurrencyConflictException) when (++conflicts < CommitAttempts)
            {
                // Another process committed first (or our lease ran out): redo the turn on its state, under the lease.
                logger.LogWarning("Turn on session {SessionId} lost a commit race ({Conflicts}); retrying on the new state", request.SessionId, conflicts);
                await ReleaseAsync(request, leaseId);
                useLease = true;
            }
            catch
            {
                await ReleaseAsync(request, leaseId);
                throw;
            }
        }
    }

    private Task<IReadOnlyList<Message>> RecentHistoryAsync(Session session) =>
        sessions.GetRecentMessagesAsync(session.TenantId, session.Id, options.HistoryMessages, CancellationToken.None);

    private Task ReleaseAsync(TurnRequest request, Guid? leaseId) =>
        leaseId is { } id ? sessions.ReleaseTurnLeaseAsync(request.TenantId, request.SessionId, id, CancellationToken.None) : Task.CompletedTask;

    private async Task NotifyAsync(TurnResult result)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnCommittedAsync(result, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Listener} failed after the turn on session {SessionId} was committed", listener.GetType().Name, result.Session.Id);
            }
        }
    }

    private async Task<Decision> DecideAsync(Agent agent, SkillContext context)
    {
        var verdict = safety.Check(agent, context.UserText);
        if (verdict.IsCrisis)
        {
            var crisis = new SkillOutcome
            {
                Action = "CRISIS",
                Reply = verdict.ProtocolReply ?? string.Empty,
                Memory = context.Session.Memory,
                Draft = context.Session.Draft,
                FinalPayload = context.Session.FinalPayload,
                Events = [new DomainEvent("crisis_detected", new JsonObject { ["reason"] = verdict.Reason })],
            };
            return new Decision(crisis, TurnSource.Safety, []);
        }

        var skill = skills.Get(agent.Skill);
        if (model is null || skill.BuildModelRequest(context) is not { } modelRequest)
        {
            return new Decision(skill.Apply(context, skill.ProposeOffline(context)), TurnSource.Offline, []);
        }

        // The model's call is not tied to the caller's connection: see TakeAsync.
        var result = await model.CompleteAsync(modelRequest, CancellationToken.None);
        string fallbackReason;
        if (result.Response is not { } answer)
        {
            fallbackReason = $"model call failed ({result.FailureReason})";
        }
        else if (skill.ReadModelAnswer(context, answer) is not { } proposal)
        {
            fallbackReason = "model answer was unusable";
        }
        else
        {
            var outcome = skill.Apply(context, proposal);
            if (outcome.RejectionReason is null)
            {
                return new Decision(outcome, TurnSource.Model, result.Calls);
            }

            fallbackReason = $"model proposal refused: {outcome.RejectionReason}";
        }

        logger.LogWarning("Session {SessionId}: {Reason}; the offline interpreter answers this turn", context.Session.Id, fallbackReason);
        var offline = skill.Apply(context, skill.ProposeOffline(context));
        var fallback = new DomainEvent("model_fallback", new JsonObject { ["reason"] = fallbackReason });
        return new Decision(offline with { Events = [.. offline.Events, fallback] }, TurnSource.Fallback, result.Calls);
    }

    private TurnCommit Commit(SkillContext context, Decision decision, Guid? leaseId, DateTimeOffset now)
    {
        var session = context.Session;
        var outcome = decision.Outcome;
        var userMessage = new Message(Guid.CreateVersion7(context.Now), session.Id, session.MessageCount + 1, MessageRole.User, context.UserText, context.Now);
        var reply = new Message(
            Guid.CreateVersion7(now), session.Id, session.MessageCount + 2, MessageRole.Assistant, outcome.Reply, now,
            decision.Source == TurnSource.Model ? decision.ModelCalls.LastOrDefault()?.OutputTokens : null);

        var draftId = outcome.Draft is null ? null
            : outcome.StartsNewDraft || session.DraftId is null ? Guid.CreateVersion7(now)
            : session.DraftId;

        var updated = session with
        {
            Memory = outcome.Memory,
            Draft = outcome.Draft,
            DraftId = draftId,
            LastAction = outcome.Action,
            FinalPayload = outcome.FinalPayload,
            MessageCount = session.MessageCount + 2,
            ModelCallCount = session.ModelCallCount + decision.ModelCalls.Count,
            UpdatedAt = now,
            ExpiresAt = session.CustomerId is null ? now + options.SessionTtl : null,
            Version = session.Version + 1,
        };

        var completed = new DomainEvent("turn_completed", new JsonObject
        {
            ["action"] = outcome.Action,
            ["source"] = decision.Source.ToString().ToLowerInvariant(),
            ["model_calls"] = decision.ModelCalls.Count,
        });
        return new TurnCommit(updated, session.Version, leaseId, [userMessage, reply], decision.ModelCalls, [.. outcome.Events, completed]);
    }

    private sealed record Decision(SkillOutcome Outcome, TurnSource Source, IReadOnlyList<ModelCallLog> ModelCalls);
}
