using System.Text.RegularExpressions;

namespace Concierge.Agents;

/// <summary>
/// What an admin changes on an agent. A property left null is not changed; <see cref="Model"/> and
/// <see cref="PublicKey"/> are <see cref="Change{T}"/> because setting them to null means something
/// (the configured model; no anonymous access).
/// </summary>
public sealed partial record AgentChange
{
    public const int MaxNameLength = 100;
    public const int MaxInstructionsLength = 20_000;
    public const int MaxModelLength = 100;

    public string? Name { get; init; }
    public string? Instructions { get; init; }
    public Change<string?>? Model { get; init; }
    public double? Temperature { get; init; }
    public bool? CrisisDetection { get; init; }
    public bool? ExposeDebug { get; init; }
    public Change<string?>? PublicKey { get; init; }

    public bool IsEmpty => this == new AgentChange();

    /// <summary>Throws <see cref="AgentInputException"/> naming the first field that cannot be stored.</summary>
    public void Validate()
    {
        if (Name is not null && (Name.Trim().Length == 0 || Name.Length > MaxNameLength))
        {
            throw new AgentInputException("name", $"Field 'name' must be 1 to {MaxNameLength} characters.");
        }

        if (Instructions is not null && (Instructions.Trim().Length == 0 || Instructions.Length > MaxInstructionsLength))
        {
            throw new AgentInputException("instructions", $"Field 'instructions' must be 1 to {MaxInstructionsLength} characters.");
        }

        if (Model is { Value: { } model } && (model.Length > MaxModelLength || !ModelName().IsMatch(model)))
        {
            throw new AgentInputException("model", $"Field 'model' must be a model name of 1 to {MaxModelLength} letters, digits and . _ : / - (or null for the configured model).");
        }

        if (Temperature is { } t && (double.IsNaN(t) || t < 0 || t > 2))
        {
            throw new AgentInputException("temperature", "Field 'temperature' must be a number from 0 to 2.");
        }

        if (PublicKey is { Value: { } key } && !PublicKeyText().IsMatch(key))
        {
            throw new AgentInputException("public_key", "Field 'public_key' must be 8 to 128 letters, digits, '_' or '-' (or null to close anonymous access).");
        }
    }

    /// <summary>The agent as it is after this change.</summary>
    public Agent ApplyTo(Agent agent) => agent with
    {
        Name = Name?.Trim() ?? agent.Name,
        Instructions = Instructions ?? agent.Instructions,
        Model = Model is { } m ? m.Value : agent.Model,
        Temperature = Temperature ?? agent.Temperature,
        CrisisDetection = CrisisDetection ?? agent.CrisisDetection,
        ExposeDebug = ExposeDebug ?? agent.ExposeDebug,
        PublicKey = PublicKey is { } p ? p.Value : agent.PublicKey,
    };

    [GeneratedRegex("^[A-Za-z0-9._:/-]+$")]
    private static partial Regex ModelName();

    [GeneratedRegex("^[A-Za-z0-9_-]{8,128}$")]
    private static partial Regex PublicKeyText();
}

/// <summary>A value to set, which may itself be null: distinguishes "set to null" from "leave alone".</summary>
public readonly record struct Change<T>(T Value);

/// <summary>An agent field has a value that cannot be stored; names the field.</summary>
public sealed class AgentInputException(string field, string detail) : Exception(detail)
{
    public string Field { get; } = field;
}

/// <summary>Another agent (of any tenant) already answers to this public key.</summary>
public sealed class AgentPublicKeyTakenException(string publicKey) : Exception($"Public key '{publicKey}' is already another agent's.")
{
    public string PublicKey { get; } = publicKey;
}

/// <summary>Changes an agent's settings; always within one tenant.</summary>
public interface IAgentEditor
{
    /// <summary>The agent after the change, or null when the tenant has no agent with this key.</summary>
    Task<Agent?> UpdateAsync(Guid tenantId, string key, AgentChange change, CancellationToken cancellationToken);
}
