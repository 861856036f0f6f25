using System.Globalization;
using Concierge.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace Concierge.Server.Http;

/// <summary>
/// Query parameters read by hand rather than bound, so that a bad one is a 422 <c>invalid_query</c>
/// problem naming it (binding would answer a bare 400, or pick one of a repeated parameter's values).
/// </summary>
public static class QueryParameters
{
    public static readonly Problem InvalidQuery = new(StatusCodes.Status422UnprocessableEntity, "invalid_query", "A query parameter has a value the route cannot use.");

    /// <summary>The parameter's one value, trimmed (null when absent or blank); a repeated parameter is refused rather than one of its values picked.</summary>
    public static ProblemHttpResult? Single(HttpContext http, string name, out string? value)
    {
        value = null;
        var values = http.Request.Query.TryGetValue(name, out StringValues given) ? given : StringValues.Empty;
        if (values.Count > 1)
        {
            return Refuse(http, name, $"Query parameter '{name}' is given more than once.");
        }

        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return null;
        }

        value = values[0]!.Trim();
        return null;
    }

    /// <summary>A date (a whole UTC day: its start, or with <paramref name="endOfDay"/> the next day's start) or a time with an offset.</summary>
    public static bool TryTime(string text, bool endOfDay, out DateTimeOffset time)
    {
        time = default;
        if (text.Length > 40)
        {
            return false;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (endOfDay && date == DateOnly.MaxValue)
            {
                return false;
            }

            time = new DateTimeOffset((endOfDay ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        // A time must say its offset (Z or +hh:mm): a bare local time would mean a different instant on every server.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':');
        if (!hasOffset || !text.Contains('T', StringComparison.OrdinalIgnoreCase)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out time))
        {
            return false;
        }

        time = time.ToUniversalTime();
        return true;
    }

    /// <summary>The 422 <c>invalid_query</c> problem naming <paramref name="field"/>.</summary>
    public static ProblemHttpResult Refuse(HttpContext http, string field, string detail) =>
        TypedResults.Problem(ProblemWriter.Create(http, InvalidQuery, detail, field));
}

/// <summary>The last <see cref="Days"/> whole UTC days, today included: [<see cref="From"/>, <see cref="To"/>].</summary>
public readonly record struct DayWindow(int Days, DateOnly From, DateOnly To)
{
    /// <summary>The first day's start (inclusive).</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The day after the last one, at its start (exclusive).</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Every day of the window, oldest first.</summary>
    public IEnumerable<DateOnly> Dates
    {
        get
        {
            for (var day = From; day <= To; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }

    /// <summary>Reads <c>?days=</c>: absent means <paramref name="fallback"/>; else a whole number from 1 to <paramref name="max"/>.</summary>
    public static bool TryParse(string? text, int fallback, int max, TimeProvider clock, out DayWindow window)
    {
        window = default;
        var days = fallback;
        if (text is not null && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days < 1 || days > max))
        {
            return false;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        window = new DayWindow(days, today.AddDays(1 - days), today);
        return true;
    }
}
