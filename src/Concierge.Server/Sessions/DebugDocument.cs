using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Emotions;
using Concierge.Models;
using Concierge.Skills;

namespace Concierge.Server.Sessions;

/// <summary>
/// The per-session debug view, in the seed system's field names (SPEC section 9) so its tooling
/// keeps working: every message, the state, and every model call as a request and a response entry.
/// </summary>
public sealed record DebugDocument(
    string SessionId,
    DebugSessionInfo SessionInfo,
    IReadOnlyList<DebugMessage> Messages,
    JsonObject? CurrentDraft,
    JsonObject Memory,
    IReadOnlyList<DebugModelLog> LlmLogs,
    string? LastAction,
    JsonObject? FinalCreationPayload,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The jobs the session's turns asked for (emotion readings, alerts, follow-ups), oldest first.</summary>
    public IReadOnlyList<DebugJob> Jobs { get; init; } = [];

    /// <param name="emotions">The recorded emotion of each user message, by message id; a message whose job has not run yet has none.</param>
    public static DebugDocument From(
        Session session, SkillView view, IReadOnlyList<Message> messages, IReadOnlyList<ModelCallLog> calls, IReadOnlyDictionary<Guid, EmotionRecord>? emotions = null) => new(
        session.Id.ToString(),
        new DebugSessionInfo(
            session.Id.ToString(), view.DraftId, session.MessageCount, session.ModelCallCount,
            session.CreatedAt, session.AgentId, session.Channel, session.CustomerId, session.ExpiresAt)
        {
            CrisisSince = session.CrisisSince,
        },
        messages.Select(m => new DebugMessage(
            m.Role.ToWire(), m.Content, m.CreatedAt, emotions is not null && emotions.TryGetValue(m.Id, out var e) ? DebugEmotion.From(e.Reading) : null)
        {
            Safety = CrisisFlagView.From(m.Safety),
        }).ToList(),
        view.Draft,
        view.Memory,
        calls.SelectMany(DebugModelLog.Entries).ToList(),
        session.LastAction,
        view.FinalPayload,
        session.UpdatedAt);
}

/// <summary>One of the session's jobs: what it is, where it stands, and when it is (or was) due.</summary>
public sealed record DebugJob(Guid Id, string Kind, string State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset DueAt, string? LastError)
{
    public static DebugJob From(Concierge.Jobs.Job job) => new(job.Id, job.Kind, Concierge.Jobs.JobStates.ToWire(job.State), job.Attempts, job.CreatedAt, job.RunAt, job.LastError);
}

public sealed record DebugSessionInfo(
    string Id,
    Guid? ActiveDraftId,
    int TotalMessages,
    int TotalLlmCalls,
    DateTimeOffset CreatedAt,
    Guid AgentId,
    string Channel,
    string? CustomerId,
    DateTimeOffset? ExpiresAt)
{
    /// <summary>When the session entered crisis mode; null (left out) when it is not in it.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? CrisisSince { get; init; }
}

/// <summary>One message; <see cref="Emotion"/> is set for a user message once its emotion.detect job has run.</summary>
public sealed record DebugMessage(
    string Role,
    string Content,
    DateTimeOffset CreatedAt,
    DebugEmotion? Emotion = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] DeliveryView? Delivery = null)
{
    /// <summary>On a user message: what the safety step found (crisis, severity, rule, by).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public CrisisFlagView? Safety { get; init; }
}

/// <summary>One half of a model call: what was sent ("request") or what came back ("response").</summary>
public sealed record DebugModelLog(
    DateTimeOffset Timestamp,
    string Direction,
    JsonNode? Payload,
    string Model,
    long LatencyMs,
    Guid CallId,
    string Provider,
    string Outcome,
    string? Error,
    int? InputTokens,
    int? OutputTokens,
    decimal? Cost)
{
    public static IEnumerable<DebugModelLog> Entries(ModelCallLog call)
    {
        yield return new DebugModelLog(
            call.StartedAt, "request", call.RequestPayload.DeepClone(), call.Model, 0, call.Id, call.Provider,
            call.Outcome, null, null, null, null);
        yield return new DebugModelLog(
            call.StartedAt.AddMilliseconds(call.LatencyMs), "response",
            call.ResponsePayload?.DeepClone() ?? new JsonObject { ["error"] = call.Error },
            call.Model, call.LatencyMs, call.Id, call.Provider, call.Outcome, call.Error,
            call.InputTokens, call.OutputTokens, call.Cost);
    }
}
