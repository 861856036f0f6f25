using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Concierge.Conversations;
using Concierge.Skills;
using Concierge.Skills.Knowledge;

namespace Concierge.Server.Sessions;

// The JSON shapes of the native API (snake_case on the wire, like the seed routes).

public sealed record StartSessionRequest(string? Agent, string? CustomerId);

public sealed record SendMessageRequest(string? Message);

public sealed record MessageView(
    Guid Id,
    int Sequence,
    string Role,
    string Content,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DeliveryView? Delivery = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CrisisFlagView? Safety = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TurnFactsView? Turn = null)
{
    public static MessageView From(Message message) =>
        new(message.Id, message.Sequence, message.Role.ToWire(), message.Content, message.CreatedAt, Safety: CrisisFlagView.From(message.Safety));
}

/// <summary>On the assistant message that closed a turn: <c>{"action": "ASK", "source": "offline", "duration_ms": 41}</c> (the duration leaves out the commit).</summary>
public sealed record TurnFactsView(string Action, string Source, long? DurationMs)
{
    public static TurnFactsView From(Concierge.Storage.TurnFacts facts) => new(facts.Action, facts.Source, facts.DurationMs);
}

/// <summary>What the safety step recorded on a user message: <c>{"crisis": true, "severity": "high", "rule": "es.direct.ideation", "by": "detector"}</c>.</summary>
public sealed record CrisisFlagView(bool Crisis, string Severity, string? Rule, string By)
{
    public static CrisisFlagView? From(Concierge.Safety.CrisisFlag? flag) =>
        flag is null ? null : new(flag.IsCrisis, flag.SeverityWire, flag.Rule, flag.By);
}

/// <summary>What became of a message sent on a channel (WhatsApp, Twilio): queued, sent, delivered, read, failed or held, with the provider's error.</summary>
public sealed record DeliveryView(
    string State,
    string Provider,
    string Kind,
    string? ExternalId,
    int? ErrorCode,
    string? Error,
    DateTimeOffset UpdatedAt)
{
    public static DeliveryView From(Concierge.Channels.ChannelDelivery d) => new(d.State, d.Provider, d.Kind, d.ExternalId, d.ErrorCode, d.ErrorDetail, d.UpdatedAt);
}

public sealed record SessionView(
    Guid Id,
    Guid AgentId,
    string Channel,
    string? CustomerId,
    string? LastAction,
    int MessageCount,
    JsonObject Memory,
    JsonObject? Draft,
    JsonObject? FinalCreationPayload,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpiresAt)
{
    public static SessionView From(Session session, SkillView view) => new(
        session.Id, session.AgentId, session.Channel, session.CustomerId, session.LastAction, session.MessageCount,
        view.Memory, view.Draft, view.FinalPayload, session.CreatedAt, session.UpdatedAt, session.ExpiresAt);
}

public sealed record TurnView(
    Guid SessionId,
    string Reply,
    string Action,
    JsonObject? Draft,
    IReadOnlyList<string> Missing,
    JsonObject? FinalCreationPayload,
    string Source,
    MessageView UserMessage,
    MessageView ReplyMessage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SourceView>? Sources = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChoiceView>? Choices = null)
{
    public static TurnView From(TurnResult turn) => new(
        turn.Session.Id, turn.Reply.Content, turn.Action, turn.View.Draft, turn.Decision.Missing,
        turn.View.FinalPayload, turn.Source.ToString().ToLowerInvariant(),
        MessageView.From(turn.UserMessage), MessageView.From(turn.Reply), SourceView.From(turn), ChoiceView.From(turn));
}

/// <summary>
/// An answer the reply offers, for the web chat to show as a button: sending <c>id</c> as the next
/// message is the same as typing it. Only replies that offer choices carry <c>choices</c>.
/// </summary>
public sealed record ChoiceView(string Id, string Title)
{
    public static IReadOnlyList<ChoiceView>? From(TurnResult turn) =>
        turn.Decision.Choices.Count == 0 ? null : [.. turn.Decision.Choices.Select(c => new ChoiceView(c.Id, c.Title))];
}

/// <summary>
/// A document passage a knowledge answer cites. Only knowledge answers carry <c>sources</c>; other
/// replies leave the field out, so their JSON is as it was.
/// </summary>
public sealed record SourceView(string DocumentId, string Title, string ChunkId, string Snippet)
{
    public static IReadOnlyList<SourceView>? From(TurnResult turn) =>
        turn.Decision.Sources.Count == 0 && turn.Action != KnowledgeSkill.NothingFoundAction
            ? null
            : [.. turn.Decision.Sources.Select(s => new SourceView(s.DocumentId, s.Title, s.ChunkId, s.Snippet))];
}

public sealed record MessagePage(Guid SessionId, IReadOnlyList<MessageView> Messages, int? NextAfter);
