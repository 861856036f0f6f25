using System.Globalization;
using Concierge.Configuration;
using Microsoft.Extensions.Configuration;

namespace Concierge.Costs;

/// <summary>What a tenant does once the day's model spend reaches its budget.</summary>
public enum BudgetAction
{
    /// <summary>Raise the alert and keep calling the model (the default).</summary>
    Alert,

    /// <summary>Raise the alert and answer with the offline interpreter until the next UTC day.</summary>
    Offline,
}

/// <summary>
/// The daily model budget: <see cref="DailyUsd"/> for each tenant (<c>DAILY_BUDGET_USD</c>) and, per
/// agent, the agent's own <c>daily_budget_usd</c> setting. Days are UTC days.
/// </summary>
public sealed record BudgetOptions
{
    public const string DailyKey = "Concierge:Budget:DailyUsd";
    public const string DailyAlias = "DAILY_BUDGET_USD";
    public const string ActionKey = "Concierge:Budget:Action";
    public const string ActionAlias = "BUDGET_ACTION";
    public const string CacheKey = "Concierge:Budget:CacheFor";

    /// <summary>The percentages of the budget whose crossing raises an event, an alert and a metric.</summary>
    public static readonly IReadOnlyList<int> Thresholds = [80, 100];

    /// <summary>Each tenant's budget in US dollars a day; null: no tenant budget.</summary>
    public decimal? DailyUsd { get; init; }

    public BudgetAction Action { get; init; } = BudgetAction.Alert;

    /// <summary>How long a tenant's spend is believed before it is read again (the per-turn check stays cheap).</summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads and checks the settings; a bad value throws <see cref="InvalidSettingException"/> naming it.</summary>
    public static readonly IReadOnlyList<SettingAlias> Aliases = [new(DailyAlias, DailyKey), new(ActionAlias, ActionKey)];

    public static BudgetOptions Bind(IConfiguration configuration)
    {
        var (daily, dailyName) = Settings.Find(configuration, DailyKey);
        decimal? budget = null;
        if (!string.IsNullOrWhiteSpace(daily))
        {
            budget = decimal.TryParse(daily.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 1_000_000_000
                ? value
                : throw new InvalidSettingException(dailyName, $"must be a positive amount of US dollars (e.g. 25 or 7.50), got '{Shorten(daily)}'");
        }

        var (action, actionName) = Settings.Find(configuration, ActionKey);
        var parsed = string.IsNullOrWhiteSpace(action) ? BudgetAction.Alert
            : action.Trim().ToLowerInvariant() switch
            {
                "alert" => BudgetAction.Alert,
                "offline" => BudgetAction.Offline,
                _ => throw new InvalidSettingException(actionName, $"must be alert or offline, got '{Shorten(action)}'"),
            };
        var cache = Settings.Duration(configuration, CacheKey, TimeSpan.FromSeconds(5));
        if (cache < TimeSpan.Zero || cache > TimeSpan.FromMinutes(5))
        {
            throw new InvalidSettingException(CacheKey, "must be a duration between 0 and 5m");
        }

        return new BudgetOptions { DailyUsd = budget, Action = parsed, CacheFor = cache };
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
