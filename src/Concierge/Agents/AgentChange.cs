using System.Text.RegularExpressions;
using Concierge.Tenants;
using Concierge.Conversations;

namespace Concierge.Agents;

/// <summary>
/// What an admin changes on an agent. A property left null is not changed; <see cref="Model"/> and
/// <see cref="PublicKey"/> are <see cref="Change{T}"/> because setting them to null means something
/// (the configured model; no anonymous access).
/// </summary>
public sealed partial record AgentChange
{
    public const int MaxInstructionsLength = 20_000;
    public const int MaxModelLength = 100;
    public const decimal MaxDailyBudgetUsd = 1_000_000m;

    public string? Name { get; init; }
    public string? Instructions { get; init; }
    public Change<string?>? Model { get; init; }
    public double? Temperature { get; init; }
    public bool? CrisisDetection { get; init; }
    public bool? ExposeDebug { get; init; }
    public Change<string?>? PublicKey { get; init; }

    /// <summary>The agent's own daily model budget in US dollars; a null value leaves only the tenant's.</summary>
    public Change<decimal?>? DailyBudgetUsd { get; init; }
    public DoubleTexting? DoubleTexting { get; init; }

    public bool IsEmpty => this == new AgentChange();

    /// <summary>Throws <see cref="AgentInputException"/> (or, for the name, <see cref="AccountInputException"/>) naming the first field that cannot be stored.</summary>
    public void Validate()
    {
        if (Name is not null)
        {
            // The same rule as every other display name of the tenant (users, keys, tenants).
            AccountFields.Name(Name, "name");
        }

        if (Instructions is not null && !IsInstructions(Instructions))
        {
            throw new AgentInputException("instructions", $"Field 'instructions' must be 1 to {MaxInstructionsLength} characters of text (line breaks and tabs allowed, no other control characters).");
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

        if (DailyBudgetUsd is { Value: { } budget } && budget is <= 0 or > MaxDailyBudgetUsd)
        {
            throw new AgentInputException("daily_budget_usd", $"Field 'daily_budget_usd' must be more than 0 and at most {MaxDailyBudgetUsd} (or null for the tenant's budget only).");
        }
    }

    // A system prompt is several lines; NUL and other control characters are refused (PostgreSQL
    // cannot store NUL, and none of them means anything to a model).
    private static bool IsInstructions(string text) =>
        text.Length <= MaxInstructionsLength
        && !string.IsNullOrWhiteSpace(text)
        && !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
        && !UnicodeText.HasLoneSurrogate(text);

    [GeneratedRegex("^[A-Za-z0-9._:/-]+$")]
    private static partial Regex ModelName();

    [GeneratedRegex("^[A-Za-z0-9_-]{8,128}$")]
    private static partial Regex PublicKeyText();
}

/// <summary>A value to set, which may itself be null: distinguishes "set to null" from "leave alone".</summary>
public readonly record struct Change<T>(T Value);
