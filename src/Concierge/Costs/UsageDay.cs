using System.Globalization;

namespace Concierge.Costs;

/// <summary>The UTC day a model call counts for, as the usage ledger stores it: "yyyy-MM-dd".</summary>
public static class UsageDay
{
    public static string Of(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>When the UTC day after <paramref name="time"/>'s begins (an offline budget lifts then).</summary>
    public static DateTimeOffset NextStart(DateTimeOffset time) => new DateTimeOffset(time.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
}
