namespace Concierge.Skills;

/// <summary>
/// A decision that passes the session on: to another agent of the tenant (by key) and/or another
/// skill of the agent, with a note that the next agent sees as context (the router's delegation).
/// The pipeline records it as an event and the next turn runs the new agent's skill.
/// </summary>
public sealed record HandOver(string? AgentKey, string? Skill, string Note);
