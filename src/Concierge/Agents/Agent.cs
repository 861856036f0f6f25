namespace Concierge.Agents;

/// <summary>A configured assistant of a tenant.</summary>
public sealed record Agent
{
    public required Guid Id { get; init; }
    public required Guid TenantId { get; init; }

    /// <summary>Short stable name used in URLs and configuration ("demo").</summary>
    public required string Key { get; init; }
    public required string Name { get; init; }

    /// <summary>The system prompt the model answers under.</summary>
    public required string Instructions { get; init; }

    /// <summary>The entry skill: what a new session of this agent runs ("chat", "templates", ...).</summary>
    public required string Skill { get; init; }

    /// <summary>
    /// Every skill this agent may run; a decision may hand the session to one of them. Empty means
    /// only the entry skill.
    /// </summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Overrides the configured model name; null uses the configured one.</summary>
    public string? Model { get; init; }

    public double Temperature { get; init; } = 0.2;

    /// <summary>The guardrail: crisis detection before every turn. On unless an agent's policy turns it off.</summary>
    public bool CrisisDetection { get; init; } = true;
    public string Locale { get; init; } = "en";

    /// <summary>
    /// Whether each user message gets an emotion record (the agent's settings, <c>detect_emotions</c>).
    /// Off unless asked for: it is seed 002's booking feature, and every record costs a job and two
    /// writes per message that a template builder or a knowledge desk has no use for. The stock
    /// booking agents turn it on.
    /// </summary>
    public bool DetectEmotions { get; init; }

    /// <summary>The agent's own daily model budget in US dollars (settings <c>daily_budget_usd</c>); null: only the tenant's.</summary>
    public decimal? DailyBudgetUsd { get; init; }

    /// <summary>
    /// The keys of the tenant's services this agent books (a shop's own services); empty means every
    /// service of the tenant. Kept in the agent's settings as <c>service_keys</c>.
    /// </summary>
    public IReadOnlyList<string> ServiceKeys { get; init; } = [];

    /// <summary>Short question/answer pairs the offline chat answers from.</summary>
    public IReadOnlyList<FaqEntry> Faq { get; init; } = [];

    /// <summary>
    /// Names this agent to anonymous callers (<c>X-Agent-Key</c> or <c>?agent_key=</c>). Not a secret:
    /// it sits in a web page; it only says which agent (and so which tenant) a public call reaches.
    /// </summary>
    public string? PublicKey { get; init; }

    /// <summary>Whether anyone holding a session id may read its debug document (operators always may).</summary>
    public bool ExposeDebug { get; init; }

    /// <summary>What a second message does while a turn of the same session is streaming (settings' <c>double_texting</c>).</summary>
    public DoubleTexting DoubleTexting { get; init; } = DoubleTexting.Enqueue;
}

/// <summary>
/// Double texting: a message that arrives while the session's previous turn is still streaming.
/// <see cref="Enqueue"/> (the default) waits and runs next; <see cref="Reject"/> refuses it (409, Retry-After).
/// </summary>
public enum DoubleTexting
{
    Enqueue,
    Reject,
}

public sealed record FaqEntry(string Question, string Answer);
