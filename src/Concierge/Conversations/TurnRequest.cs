namespace Concierge.Conversations;

/// <summary>A user's message for a session, as every channel hands it to the pipeline.</summary>
public sealed record TurnRequest(Guid TenantId, Guid SessionId, string? Text, string Channel);
