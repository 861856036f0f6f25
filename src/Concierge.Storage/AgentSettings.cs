using System.Text.Json.Serialization;

namespace Concierge.Storage;

/// <summary>
/// The agents.settings document: what is configured per agent beyond its columns. Unknown members
/// are kept out of the way (not lost on read), so later features can add their own.
/// </summary>
internal sealed record AgentSettings
{
    [JsonPropertyName("public_key")]
    public string? PublicKey { get; init; }

    [JsonPropertyName("expose_debug")]
    public bool ExposeDebug { get; init; }

    /// <summary>"enqueue" (the default) or "reject": see <see cref="Agents.DoubleTexting"/>.</summary>
    [JsonPropertyName("double_texting")]
    public string? DoubleTexting { get; init; }

    /// <summary>The agent's guardrail policy: crisis detection before every turn; absent means on.</summary>
    [JsonPropertyName("crisis_detection")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? CrisisDetection { get; init; }

    /// <summary>The services the agent books (a shop's); absent or empty: every service of the tenant.</summary>
    [JsonPropertyName("service_keys")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? ServiceKeys { get; init; }
}
