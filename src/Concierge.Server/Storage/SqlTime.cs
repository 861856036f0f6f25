using System.Globalization;

namespace Concierge.Server.Storage;

/// <summary>
/// Timestamps in storage: UTC with microsecond precision, PostgreSQL's timestamptz resolution.
/// SQLite keeps them as fixed-width ISO-8601 text, which sorts and compares in time order.
/// </summary>
public static class SqlTime
{
    public const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>The value as it comes back from the database (UTC, whole microseconds).</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    public static DateTimeOffset? Truncate(DateTimeOffset? value) => value is { } v ? Truncate(v) : null;

    public static string ToSqlite(DateTimeOffset value) => Truncate(value).ToString(SqliteFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a value either provider returned: ISO text (SQLite), DateTime (Npgsql), DateTimeOffset.</summary>
    public static DateTimeOffset Read(object value) => value switch
    {
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : dt, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new FormatException($"Cannot read a timestamp from a {value.GetType().Name}."),
    };
}
