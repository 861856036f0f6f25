namespace Concierge.Safety;

/// <summary>
/// What the safety step recorded on one user message: whether it read as a crisis, how severe, and
/// the rule or the model's reason (never the user's words). A checked, calm message is
/// <c>CrisisFlag.Clear</c>.
/// </summary>
/// <param name="By">Who decided: "detector", "model" (the second opinion raised it), or "off" (the agent's guardrail is off).</param>
public sealed record CrisisFlag(bool IsCrisis, CrisisSeverity Severity, string? Rule, string By = "detector")
{
    public static CrisisFlag Clear { get; } = new(false, CrisisSeverity.None, null);

    public static CrisisFlag Off { get; } = new(false, CrisisSeverity.None, null, "off");

    public string SeverityWire => Severity.ToString().ToLowerInvariant();
}
