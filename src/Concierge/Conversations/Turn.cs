using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Costs;
using Concierge.Models;
using Concierge.Safety;
using Concierge.Skills;
using Microsoft.Extensions.Logging;

namespace Concierge.Conversations;

/// <summary>
/// The turn pipeline (SPEC section 2), the one path every channel's message takes. Read
/// <see cref="TakeAsync(TurnRequest, ITurnObserver?, CancellationToken)"/> and <see cref="RunAsync"/>
/// top to bottom: validate, claim, safety, interpret, decide, phrase, commit. Authentication and
/// rate limits (step 2) happen at the edge before a request reaches here; the jobs a turn asks for
/// (step 8) are rows in its commit, run by the job worker afterwards; the response (step 9)
/// belongs to the channel.
/// </summary>
public sealed class Turn(
    SessionClaims claims,
    IAgentCatalog agents,
    SkillCatalog skills,
    ISafetyCheck safety,
    ConversationOptions options,
    TimeProvider clock,
    ILogger<Turn> logger,
    ILanguageModel? model = null,
    IModelBudget? budget = null)
{
    /// <summary>The action of a turn the crisis protocol answered.</summary>
    public const string CrisisAction = "CRISIS";

    /// <summary>The action of a supportive turn in crisis mode.</summary>
    public const string CrisisSupportAction = "CRISIS_SUPPORT";

    public Task<TurnResult> TakeAsync(TurnRequest request, CancellationToken cancellationToken) =>
        TakeAsync(request, null, cancellationToken);

    public async Task<TurnResult> TakeAsync(TurnRequest request, ITurnObserver? observer, CancellationToken cancellationToken)
    {
        // 1. The message was validated once, at the edge (UserText): a refused message wrote nothing.
        // 3. Hold the session for this turn (see SessionClaims for how); the turn runs to its
        //    commit even if the caller goes away, so an accepted message is never lost.
        var attempts = 0;
        return await claims.RunAsync(
            request.TenantId,
            request.SessionId,
            leaseFirst: model is not null,
            async claim =>
            {
                // A turn that runs again (a lost commit race) streams its reply again, from the start.
                if (attempts++ > 0)
                {
                    await RestartAsync(observer);
                }

                return await RunAsync(claim, request, observer);
            },
            cancellationToken);
    }

    private async Task<TurnResult> RunAsync(SessionClaim claim, TurnRequest request, ITurnObserver? observer)
    {
        var text = request.Text.Value;
        using var activity = TurnTelemetry.Source.StartActivity("turn");
        var started = clock.GetTimestamp();
        var session = claim.Session;

        // Every log line of the turn names its tenant and session (never the text); model calls count per tenant.
        using var scope = logger.BeginScope(new Logging.LogFields(("TenantId", session.TenantId), ("SessionId", session.Id)));
        using var tenant = ModelTelemetry.ForTenant(session.TenantId);
        activity?.SetTag("concierge.tenant_id", session.TenantId);
        var now = clock.GetUtcNow();
        if (session.IsExpiredAt(now))
        {
            throw new SessionExpiredException(session.Id, session.ExpiresAt!.Value);
        }

        var agent = await agents.FindAsync(session.TenantId, session.AgentId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Session {session.Id} names agent {session.AgentId}, which does not exist.");
        var skill = skills.Get(session.Skill ?? agent.Skill);
        // A tenant (or agent) whose day's budget is spent, under BUDGET_ACTION=offline, is answered offline.
        var modelOn = model is not null && (budget is null || await budget.AllowsModelAsync(agent, now, CancellationToken.None));
        var asked = new SkillContext(agent, session, claim.History, text, now, modelOn);

        // 4. Safety first: a crisis answers with the protocol; a session in crisis mode stays
        //    supportive until a calm exchange ends it (CrisisMode). Only then does the skill decide.
        var verdict = await SafetyAsync(agent, asked);
        var context = asked with { Session = CrisisMode.Next(session, verdict, now) };
        var decided = verdict.IsCrisis ? CrisisDecision(context, verdict)
            : context.CrisisMode ? SupportDecision(context, verdict)
            : await DecideAsync(skill, context);
        decided = WithSafetyRecord(decided, session, context.Session, verdict);

        // 6. The reply, worded (and streamed) as the decision planned.
        var phrased = await PhraseAsync(context, decided, observer);

        // 7. Everything the turn produced is committed together, before anyone sees the reply.
        var handedTo = decided.Decision.HandOver is { AgentKey: { } key }
            ? await agents.FindByKeyAsync(session.TenantId, key, CancellationToken.None) ?? throw new AgentNotFoundException(key)
            : null;
        var write = TurnComposer.Compose(context, phrased, handedTo, clock.GetUtcNow(), options.SessionTtl, clock.GetElapsedTime(started), verdict.Flag);
        if (request.ReplyEffect is { } callers)
        {
            write = write with { Effects = [.. write.Effects, callers(write.Messages[1], decided.Decision)] };
        }

        await claim.CommitAsync(write);
        if (agent.DetectEmotions)
        {
            Emotions.EmotionTelemetry.Requested.Add(1);
        }
        var view = skills.Get(write.Session.Skill ?? handedTo?.Skill ?? agent.Skill).View(write.Session.State);
        // The phrased decision, not the decided one: an accepted model reply's sources are the ones it cited.
        var result = new TurnResult(write.Session, write.Messages[0], write.Messages[1], phrased.Decided.Decision, phrased.Source, write.ModelCalls, view);
        TurnTelemetry.Record(result, agent.Key, skill.Name, clock.GetElapsedTime(started));
        await RecordSpendAsync(agent, write);
        activity?.SetTag("concierge.session_id", session.Id).SetTag("concierge.agent", agent.Key).SetTag("concierge.source", result.Source.ToString());
        return result;
    }

    /// <summary>After a commit with model calls: the budget reads the day's spend and raises what it crossed. Never fails the turn.</summary>
    private async Task RecordSpendAsync(Agent agent, TurnWrite write)
    {
        if (budget is null || write.ModelCalls.Count == 0)
        {
            return;
        }

        try
        {
            await budget.RecordAsync(agent, clock.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The next turn with a model call reads the spend again and raises what this one missed.
            logger.LogWarning(e, "Could not check the daily model budget of tenant {TenantId}", agent.TenantId);
        }
    }

    private async Task<SafetyVerdict> SafetyAsync(Agent agent, SkillContext context)
    {
        var verdict = safety.Check(agent, context.UserText, context.History);
        // No second opinion without a model, or when the tenant's budget has turned the model off.
        if (model is null || !context.ModelAvailable)
        {
            return verdict;
        }

        try
        {
            // The model may only raise the offline verdict; its failure leaves it standing.
            return await safety.ReviewAsync(agent, context.UserText, context.History, verdict, model, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Session {SessionId}: the crisis second opinion failed; the offline verdict stands", context.Session.Id);
            return verdict;
        }
    }

    private DecidedTurn CrisisDecision(SkillContext context, SafetyVerdict verdict)
    {
        var agent = context.Agent;
        var severity = verdict.Severity.ToString().ToLowerInvariant();
        logger.LogWarning(
            "crisis_detected on session {SessionId}: agent {Agent}, rule {Rule}, severity {Severity}, language {Language}, by {By}",
            context.Session.Id, agent.Key, verdict.Rule, severity, verdict.Language, verdict.By);
        var crisis = new SkillDecision
        {
            Action = CrisisAction,
            Reply = ReplyPlan.Text(verdict.ProtocolReply ?? string.Empty),
            State = context.State,
            // The event and the alert say what matched, never what the user wrote.
            Events =
            [
                new DomainEvent("crisis_detected", new JsonObject
                {
                    ["agent"] = agent.Key,
                    ["reason"] = verdict.Reason,
                    ["rule"] = verdict.Rule,
                    ["severity"] = severity,
                    ["language"] = verdict.Language,
                    ["by"] = verdict.By,
                }),
            ],
            Jobs =
            [
                new Alerts.Alert(
                    "crisis.detected",
                    verdict.Severity >= CrisisSeverity.High ? "critical" : "warning",
                    $"Crisis protocol given ({severity}) in a conversation with agent '{agent.Key}'",
                    context.Session.TenantId,
                    context.Session.Id,
                    new JsonObject
                    {
                        ["agent"] = agent.Key,
                        ["channel"] = context.Session.Channel,
                        ["rule"] = verdict.Rule,
                        ["severity"] = severity,
                        ["language"] = verdict.Language,
                        ["by"] = verdict.By,
                        ["message_sequence"] = context.Session.MessageCount + 1,
                    })
                .ToJob($"crisis:{context.Session.Id:N}:{context.Session.MessageCount + 1}"),
            ],
        };
        return new DecidedTurn(crisis, TurnSource.Safety, []);
    }

    /// <summary>
    /// A turn in crisis mode without a new detection: the protocol's follow-up, worded offline, or
    /// by the model under the protocol's instructions when one is configured (the follow-up is its fallback).
    /// </summary>
    private DecidedTurn SupportDecision(SkillContext context, SafetyVerdict verdict)
    {
        var followUp = safety.FollowUp(context.Agent, verdict.Language) ?? string.Empty;
        var instructions = safety.SupportInstructions(context.Agent, verdict.Language);
        var reply = model is not null && context.ModelAvailable && instructions is not null
            ? ReplyPlan.Model(SupportWording(context, instructions), followUp)
            : ReplyPlan.Text(followUp);
        var support = new SkillDecision
        {
            Action = CrisisSupportAction,
            Reply = reply,
            State = context.State,
            Events = [new DomainEvent("crisis_support", new JsonObject { ["calm_turns"] = context.Session.CrisisCalmTurns })],
        };
        return new DecidedTurn(support, TurnSource.Offline, []);
    }

    private static ModelRequest SupportWording(SkillContext context, string instructions)
    {
        var messages = new List<ModelMessage> { new(MessageRole.System, context.Agent.Instructions + "\n\n" + instructions) };
        messages.AddRange(context.History.Where(m => m.Role is MessageRole.User or MessageRole.Assistant).TakeLast(10).Select(m => new ModelMessage(m.Role, m.Content)));
        messages.Add(new ModelMessage(MessageRole.User, context.UserText));
        return new ModelRequest(messages, context.Agent.Temperature, MaxOutputTokens: 300);
    }

    /// <summary>The second opinion's model calls join the turn's, and the end of crisis mode is an event.</summary>
    private static DecidedTurn WithSafetyRecord(DecidedTurn decided, Session before, Session after, SafetyVerdict verdict)
    {
        var ended = before.CrisisSince is not null && after.CrisisSince is null;
        if (verdict.ModelCalls.Count == 0 && !ended)
        {
            return decided;
        }

        var events = ended
            ? [.. decided.Decision.Events, new DomainEvent("crisis_mode_ended", new JsonObject { ["by"] = "calm", ["calm_turns"] = CrisisMode.CalmTurnsToEnd })]
            : decided.Decision.Events;
        return decided with
        {
            Decision = decided.Decision with { Events = events },
            ModelCalls = [.. verdict.ModelCalls, .. decided.ModelCalls],
        };
    }

    private async Task<DecidedTurn> DecideAsync(ISkill skill, SkillContext context)
    {
        if (model is null || !context.ModelAvailable || skill.BuildInterpretRequest(context) is not { } request)
        {
            return new DecidedTurn(await skill.DecideAsync(context, skill.ProposeOffline(context), CancellationToken.None), TurnSource.Offline, []);
        }

        // The model's call is not tied to the caller's connection: see TakeAsync.
        var result = await model.CompleteAsync(request, CancellationToken.None);
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
            var decision = await skill.DecideAsync(context, proposal, CancellationToken.None);
            if (!decision.IsRejected)
            {
                return new DecidedTurn(WithToolCalls(decision, result), TurnSource.Model, result.Calls);
            }

            fallbackReason = $"model proposal refused: {decision.RejectionReason}";
        }

        var offline = await skill.DecideAsync(context, skill.ProposeOffline(context), CancellationToken.None);
        return Fallback(context, offline, result.Calls, fallbackReason);
    }

    private async Task<PhrasedTurn> PhraseAsync(SkillContext context, DecidedTurn decided, ITurnObserver? observer)
    {
        var plan = decided.Decision.Reply;
        if (model is null || !context.ModelAvailable || plan.Wording is not { } wording || decided.Source == TurnSource.Safety)
        {
            // The crisis protocol is always worded from its configured text, never by a model that could improvise.
            await SendAsync(observer, plan.Fallback);
            return new PhrasedTurn(decided, plan.Fallback, null);
        }

        // The reply streams to the caller as the model writes it; the turn commits the whole text.
        var (result, streamed) = await StreamAsync(wording, observer);
        var withTools = decided with { Decision = WithToolCalls(decided.Decision, result) };
        var check = result.Response is { } worded && !string.IsNullOrWhiteSpace(worded.Text) && plan.Check is { } judge ? judge(worded.Text.Trim()) : null;
        if (result.Response is { } answer && !string.IsNullOrWhiteSpace(answer.Text) && check is not { IsRefused: true })
        {
            var modelDecided = withTools with
            {
                Decision = check is null ? withTools.Decision : withTools.Decision with { Sources = check.Sources },
                Source = decided.Source == TurnSource.Offline ? TurnSource.Model : decided.Source,
                ModelCalls = [.. decided.ModelCalls, .. result.Calls],
            };
            // The footer is the skill's (the sources the reply cited), never the model's: it goes
            // out after the model's words, so the streamed pieces add up to the committed reply.
            var footer = check?.Footer ?? string.Empty;
            if (footer.Length > 0)
            {
                await SendAsync(observer, footer);
            }

            return new PhrasedTurn(modelDecided, answer.Text.Trim() + footer, answer.OutputTokens);
        }

        // What was streamed is void: the caller is told to start again, and gets the fallback whole.
        var reason = result.Response is null ? $"model call failed ({result.FailureReason})"
            : check is { RefusalReason: { } refusal } ? $"model reply refused: {refusal}"
            : "model answer was empty";
        if (streamed > 0)
        {
            await RestartAsync(observer);
        }

        await SendAsync(observer, plan.Fallback);
        return new PhrasedTurn(Fallback(context, withTools.Decision, [.. decided.ModelCalls, .. result.Calls], reason), plan.Fallback, null);
    }

    private async Task<(ModelResult Result, int Deltas)> StreamAsync(ModelRequest wording, ITurnObserver? observer)
    {
        var deltas = 0;
        await foreach (var update in model!.StreamAsync(wording, CancellationToken.None))
        {
            switch (update)
            {
                case ModelTextDelta delta:
                    deltas++;
                    await SendAsync(observer, delta.Text);
                    break;
                case ModelStreamCompleted completed:
                    return (completed.Result, deltas);
            }
        }

        throw new InvalidOperationException("The model's stream ended without its completion.");
    }

    /// <summary>The tools the model ran are part of the turn's record (the debug document shows them).</summary>
    private static SkillDecision WithToolCalls(SkillDecision decision, ModelResult result) =>
        result.ToolCalls.Count == 0 ? decision : decision with
        {
            Events = [.. decision.Events, .. result.ToolCalls.Select(ToolCallEvent)],
        };

    private static DomainEvent ToolCallEvent(ToolCallRecord call) => new("tool_called", new JsonObject
    {
        ["call_id"] = call.CallId,
        ["name"] = call.Name,
        ["arguments"] = call.ArgumentsJson,
        ["result"] = call.Result,
        ["error"] = call.Error,
        ["latency_ms"] = call.LatencyMs,
        ["started_at"] = call.StartedAt,
    });

    private DecidedTurn Fallback(SkillContext context, SkillDecision offline, IReadOnlyList<ModelCallLog> calls, string reason)
    {
        logger.LogWarning("Session {SessionId}: {Reason}; the offline interpreter answers this turn", context.Session.Id, reason);
        var fallback = new DomainEvent("model_fallback", new JsonObject { ["reason"] = reason });
        return new DecidedTurn(offline with { Events = [.. offline.Events, fallback] }, TurnSource.Fallback, calls);
    }

    private async Task RestartAsync(ITurnObserver? observer)
    {
        try
        {
            await (observer?.OnRestartAsync() ?? ValueTask.CompletedTask);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "A turn observer failed; the turn goes on");
        }
    }

    private async Task SendAsync(ITurnObserver? observer, string text)
    {
        if (observer is null)
        {
            return;
        }

        try
        {
            await observer.OnDeltaAsync(text);
        }
        catch (Exception e)
        {
            // The caller went away: the turn still commits whole, and the reply is in the history.
            logger.LogDebug(e, "A turn observer failed; the turn goes on");
        }
    }
}
