namespace Concierge.Conversations;

/// <summary>A user's message for a session, as every channel hands it to the pipeline (already validated).</summary>
public sealed record TurnRequest(Guid TenantId, Guid SessionId, UserText Text, string Channel);
