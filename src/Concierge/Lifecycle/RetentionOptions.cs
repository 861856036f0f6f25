using System.Globalization;
using Concierge.Configuration;
using Microsoft.Extensions.Configuration;

namespace Concierge.Lifecycle;

/// <summary>
/// How long data is kept. Each period is a recurring durable job (<see cref="MessagesKind"/>,
/// <see cref="AnalyticsKind"/>) that runs every <see cref="Interval"/> on whichever instance claims it.
/// Expired anonymous sessions have their own sweep (<c>SESSION_TTL</c>, <c>sessions.sweep</c>).
/// </summary>
public sealed record RetentionOptions
{
    public const string MessagesKind = "retention.messages";
    public const string AnalyticsKind = "retention.analytics";

    public const string DaysKey = "Concierge:Retention:Days";
    public const string DaysAlias = "RETENTION_DAYS";
    public const string AnalyticsDaysKey = "Concierge:Retention:AnalyticsDays";
    public const string AnalyticsDaysAlias = "ANALYTICS_RETENTION_DAYS";
    public const string IntervalKey = "Concierge:Retention:Interval";

    public const int DefaultAnalyticsDays = 400;
    public const int MaxDays = 36_500;

    /// <summary>Messages and model-call payloads older than this many days are removed; null: kept for ever (the default).</summary>
    public int? Days { get; init; }

    /// <summary>Analytics events (and the usage ledger) older than this many days are removed; null: kept for ever.</summary>
    public int? AnalyticsDays { get; init; } = DefaultAnalyticsDays;

    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Reads and checks the settings: a whole number of days from 1, or <c>off</c> / <c>0</c> to keep for ever.</summary>
    public static readonly IReadOnlyList<SettingAlias> Aliases = [new(DaysAlias, DaysKey), new(AnalyticsDaysAlias, AnalyticsDaysKey)];

    public static RetentionOptions Bind(IConfiguration configuration)
    {
        var interval = Settings.Duration(configuration, IntervalKey, TimeSpan.FromHours(1));
        if (interval < TimeSpan.FromSeconds(1) || interval > TimeSpan.FromDays(1))
        {
            throw new InvalidSettingException(IntervalKey, "must be a duration between 1s and 1d");
        }

        return new RetentionOptions
        {
            Days = ReadDays(configuration, DaysKey, null),
            AnalyticsDays = ReadDays(configuration, AnalyticsDaysKey, DefaultAnalyticsDays),
            Interval = interval,
        };
    }

    private static int? ReadDays(IConfiguration configuration, string key, int? fallback)
    {
        var (raw, name) = Settings.Find(configuration, key);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        var text = raw.Trim();
        if (string.Equals(text, "off", StringComparison.OrdinalIgnoreCase) || text == "0")
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxDays
            ? days
            : throw new InvalidSettingException(name, $"must be a whole number of days from 1 to {MaxDays}, or off, got '{(text.Length > 40 ? text[..40] + "..." : text)}'");
    }
}
