using System.Globalization;

namespace Concierge.Storage;

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
        string text => ReadSqlite(text),
        _ => throw new FormatException($"Cannot read a timestamp from a {value.GetType().Name}."),
    };

    /// <summary>
    /// Our own fixed-width format is read digit by digit: a history of a thousand messages reads a
    /// thousand timestamps, and the general parser was a tenth of that request's time in profiles.
    /// Anything else (written by hand, say) goes through the general parser.
    /// </summary>
    private static DateTimeOffset ReadSqlite(string text)
    {
        if (text.Length == 27 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':'
            && text[19] == '.' && text[26] == 'Z'
            && TryDigits(text, 0, 4, out var year) && TryDigits(text, 5, 2, out var month) && TryDigits(text, 8, 2, out var day)
            && TryDigits(text, 11, 2, out var hour) && TryDigits(text, 14, 2, out var minute) && TryDigits(text, 17, 2, out var second)
            && TryDigits(text, 20, 6, out var micro)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month) && hour < 24 && minute < 60 && second < 60
            && year >= 1)
        {
            return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(micro * 10L);
        }

        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
