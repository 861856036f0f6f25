using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Concierge.Bookings.Reading;

/// <summary>
/// Dates, absolute or relative to the tenant's today. A date without a year is the next one on or
/// after today. A weekday alone or with "this/este/esta" is the next one on or after today; with
/// "next/próximo/que viene/que vem" it is the next one after today; with "next week/de la semana que
/// viene" it is that weekday of next week (Monday-based). Impossible dates are reported, not moved.
/// </summary>
internal static class DateReading
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private static readonly string Months = CalendarWords.MonthAlternation;

    private static readonly Regex Iso = new(@"(?<!\d)(?<y>\d{4})-(?<a>\d{1,2})-(?<b>\d{1,2})(?!\d)", Options);
    private static readonly Regex Numeric = new(@"(?<![\d/.:-])(?<a>\d{1,2})(?<s>[/-])(?<b>\d{1,2})(?:\k<s>(?<y>\d{4}|\d{2}))?(?![\d/:-])|(?<![\d.])(?<a>\d{1,2})\.(?<b>\d{1,2})\.(?<y>\d{4}|\d{2})(?![\d.])", Options);
    private static readonly Regex DayMonth = new($@"\b(?<d>\d{{1,2}})(?:st|nd|rd|th|o)?\s+(?:de\s+|of\s+)?(?<m>{Months})\b\.?(?:,?\s+(?:de\s+|del\s+)?(?<y>\d{{4}}))?", Options);
    private static readonly Regex MonthDay = new($@"\b(?<m>{Months})\.?\s+(?<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:[:h]\d|am|pm|personas?|people|pessoas?))(?:,?\s+(?<y>\d{{4}}))?", Options);
    private static readonly Regex DayOnly = new(@"\b(?:(?:el|o|no)\s+dia\s+|dia\s+|el\s+|the\s+|on\s+the\s+)(?<d>\d{1,2})(?<th>st|nd|rd|th)?\b(?!\s*(?:[:h.]\d|am|pm|de\s+la|personas?|people|pessoas?|of\s+us|dias?|days?))", Options);

    // "domingo 13", "Sunday the 13th": read as a date only when that day of a coming month is that
    // weekday, so "sunday 8" (a time, most likely) is left to the time reader.
    private static readonly Regex WeekdayDay = new(
        $@"\b(?<day>{CalendarWords.WeekdayAlternation}),?\s+(?:the\s+|el\s+|dia\s+)?(?<d>\d{{1,2}})(?:st|nd|rd|th|o)?\b(?!\s*(?:[:h.]\d|am|pm|h\b|horas?|hrs?|personas?|people|pessoas?|of\s+us))",
        Options);

    private static readonly Regex DayAfterTomorrow = new(@"\b(?:pasado\s+manana|depois\s+de\s+amanha|the\s+day\s+after\s+tomorrow|day\s+after\s+tomorrow)\b", Options);
    private static readonly Regex Tomorrow = new(@"(?<!\b(?:la|esta|pela)\s+)\b(?:manana|amanha|tomorrow|tmrw|tomorow)\b", Options);
    private static readonly Regex Today = new(@"\b(?:hoy|today|hoje)\b", Options);
    private static readonly Regex InSome = new($@"\b(?:in|en|dentro\s+de|em|daqui\s+a|within)\s+(?<n>\d{{1,2}}|a|{NumberWords.Alternation})\s+(?<u>dias?|days?|semanas?|weeks?)\b", Options);
    private static readonly Regex Weekday = new(
        $@"\b(?:(?<next>next|proximo|proxima|el\s+proximo|la\s+proxima|o\s+proximo|a\s+proxima|na\s+proxima|no\s+proximo|para\s+el\s+proximo)\s+)?(?:(?:this|este|esta|neste|nesta|el|on|no|na|coming|para\s+el)\s+)?(?<day>{CalendarWords.WeekdayAlternation})\b(?:\s+(?<nextweek>next\s+week|de\s+la\s+semana\s+que\s+viene|da\s+semana\s+que\s+vem|de\s+la\s+proxima\s+semana|da\s+proxima\s+semana)|\s+(?<after>que\s+viene|que\s+vem|proximo|proxima))?\b",
        Options);

    /// <summary>Numeric and named calendar dates; run before times so "12/03" is not read as a time.</summary>
    public static LocalDate? TakeAbsolute(ReadingBuffer buffer, BookingReadContext context, List<BookingRequestError> problems)
    {
        var today = context.Today;
        LocalDate? found = null;
        void Keep(LocalDate? date) => found ??= date;

        foreach (var m in buffer.Take(Iso))
        {
            Keep(Make(Int(m, "y"), Int(m, "a"), Int(m, "b"), m.Value, problems));
        }

        foreach (var m in buffer.Take(Numeric, m => Plausible(m, context.MonthFirst)))
        {
            var (month, day) = context.MonthFirst ? (Int(m, "a"), Int(m, "b")) : (Int(m, "b"), Int(m, "a"));
            Keep(WithYear(m.Groups["y"].Success ? FullYear(Int(m, "y")) : null, month, day, today, m.Value, problems));
        }

        foreach (var m in buffer.Take(DayMonth).Concat(buffer.Take(MonthDay)))
        {
            var year = m.Groups["y"].Success ? Int(m, "y") : (int?)null;
            Keep(WithYear(year, CalendarWords.Month(m.Groups["m"].Value), Int(m, "d"), today, m.Value, problems));
        }

        foreach (var m in buffer.Take(WeekdayDay, m => NextWithWeekday(today, Int(m, "d"), CalendarWords.Weekday(m.Groups["day"].Value)) is not null))
        {
            Keep(NextWithWeekday(today, Int(m, "d"), CalendarWords.Weekday(m.Groups["day"].Value)));
        }

        foreach (var m in buffer.Take(DayOnly, m => !m.Value.StartsWith("the", StringComparison.Ordinal) || m.Groups["th"].Success))
        {
            var day = Int(m, "d");
            var month = day >= today.Day ? today : today.PlusMonths(1);
            Keep(Make(month.Year, month.Month, day, m.Value, problems));
        }

        return found;
    }

    /// <summary>Relative words and weekdays; run after times so "mañana" in "de la mañana" is already taken.</summary>
    public static LocalDate? TakeRelative(ReadingBuffer buffer, BookingReadContext context, bool pendingDate)
    {
        var today = context.Today;
        LocalDate? found = null;
        void Keep(LocalDate date) => found ??= date;

        foreach (var _ in buffer.Take(DayAfterTomorrow))
        {
            Keep(today.PlusDays(2));
        }

        foreach (var m in buffer.Take(InSome, m => NumberWords.Parse(m.Groups["n"].Value) is > 0))
        {
            var n = NumberWords.Parse(m.Groups["n"].Value)!.Value;
            Keep(today.PlusDays(m.Groups["u"].Value.StartsWith('d') ? n : 7 * n));
        }

        foreach (var m in buffer.Take(Weekday))
        {
            var wanted = CalendarWords.Weekday(m.Groups["day"].Value);
            if (m.Groups["nextweek"].Success)
            {
                var monday = today.PlusDays(7 - ((int)today.DayOfWeek - 1));
                Keep(monday.PlusDays((int)wanted - 1));
                continue;
            }

            var strictlyAfter = m.Groups["next"].Success || m.Groups["after"].Success;
            var ahead = ((int)wanted - (int)today.DayOfWeek + 7) % 7;
            Keep(today.PlusDays(ahead == 0 && strictlyAfter ? 7 : ahead));
        }

        foreach (var _ in buffer.Take(Tomorrow))
        {
            Keep(today.PlusDays(1));
        }

        foreach (var _ in buffer.Take(Today))
        {
            Keep(today);
        }

        if (found is null && pendingDate && Regex.Match(buffer.Work, @"^\s*(?<d>\d{1,2})\s*$", Options) is { Success: true } bare)
        {
            var day = Int(bare, "d");
            var month = day >= today.Day ? today : today.PlusMonths(1);
            if (day <= CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month))
            {
                buffer.Blank(bare.Index, bare.Length);
                Keep(new LocalDate(month.Year, month.Month, day));
            }
        }

        return found;
    }

    /// <summary>The first date on or after today, in this month or the next three, that is day <paramref name="day"/> and falls on <paramref name="weekday"/>.</summary>
    private static LocalDate? NextWithWeekday(LocalDate today, int day, IsoDayOfWeek weekday)
    {
        for (var months = 0; months <= 3; months++)
        {
            var month = today.PlusMonths(months);
            if (day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month)
                && new LocalDate(month.Year, month.Month, day) is var date && date >= today && date.DayOfWeek == weekday)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>Keeps "19-30" or "7/45" (not dates) out of the way of the time reader.</summary>
    private static bool Plausible(Match m, bool monthFirst)
    {
        var (month, day) = monthFirst ? (Int(m, "a"), Int(m, "b")) : (Int(m, "b"), Int(m, "a"));
        return month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    private static LocalDate? WithYear(int? year, int month, int day, LocalDate today, string text, List<BookingRequestError> problems)
    {
        if (year is { } y)
        {
            return Make(y, month, day, text, problems);
        }

        // The next occurrence on or after today, this year or next; 29 February in a year pair
        // without a leap year is reported like 31 February.
        foreach (var candidate in new[] { today.Year, today.Year + 1 })
        {
            if (day <= CalendarSystem.Iso.GetDaysInMonth(candidate, month) && new LocalDate(candidate, month, day) >= today)
            {
                return new LocalDate(candidate, month, day);
            }
        }

        return Make(today.Year + 1, month, day, text, problems);
    }

    private static LocalDate? Make(int year, int month, int day, string text, List<BookingRequestError> problems)
    {
        if (month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return new LocalDate(year, month, day);
        }

        problems.Add(new(BookingFieldNames.Date, BookingErrorCodes.ImpossibleDate, $"'{text.Trim()}' is not a calendar date."));
        return null;
    }

    private static int FullYear(int year) => year < 100 ? 2000 + year : year;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
}
