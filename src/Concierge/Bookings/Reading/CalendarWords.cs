using NodaTime;

namespace Concierge.Bookings.Reading;

/// <summary>Month and weekday names (folded) in Spanish, English and Portuguese.</summary>
internal static class CalendarWords
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["enero"] = 1,
        ["january"] = 1,
        ["jan"] = 1,
        ["janeiro"] = 1,
        ["febrero"] = 2,
        ["february"] = 2,
        ["feb"] = 2,
        ["fevereiro"] = 2,
        ["marzo"] = 3,
        ["march"] = 3,
        ["mar"] = 3,
        ["marco"] = 3,
        ["abril"] = 4,
        ["april"] = 4,
        ["apr"] = 4,
        ["mayo"] = 5,
        ["may"] = 5,
        ["maio"] = 5,
        ["junio"] = 6,
        ["june"] = 6,
        ["jun"] = 6,
        ["junho"] = 6,
        ["julio"] = 7,
        ["july"] = 7,
        ["jul"] = 7,
        ["julho"] = 7,
        ["agosto"] = 8,
        ["august"] = 8,
        ["aug"] = 8,
        ["septiembre"] = 9,
        ["setiembre"] = 9,
        ["september"] = 9,
        ["sept"] = 9,
        ["sep"] = 9,
        ["setembro"] = 9,
        ["octubre"] = 10,
        ["october"] = 10,
        ["oct"] = 10,
        ["outubro"] = 10,
        ["noviembre"] = 11,
        ["november"] = 11,
        ["nov"] = 11,
        ["novembro"] = 11,
        ["diciembre"] = 12,
        ["december"] = 12,
        ["dec"] = 12,
        ["dezembro"] = 12,
    };

    private static readonly Dictionary<string, IsoDayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["lunes"] = IsoDayOfWeek.Monday,
        ["monday"] = IsoDayOfWeek.Monday,
        ["segunda-feira"] = IsoDayOfWeek.Monday,
        ["segunda"] = IsoDayOfWeek.Monday,
        ["martes"] = IsoDayOfWeek.Tuesday,
        ["tuesday"] = IsoDayOfWeek.Tuesday,
        ["terca-feira"] = IsoDayOfWeek.Tuesday,
        ["terca"] = IsoDayOfWeek.Tuesday,
        ["miercoles"] = IsoDayOfWeek.Wednesday,
        ["wednesday"] = IsoDayOfWeek.Wednesday,
        ["quarta-feira"] = IsoDayOfWeek.Wednesday,
        ["quarta"] = IsoDayOfWeek.Wednesday,
        ["jueves"] = IsoDayOfWeek.Thursday,
        ["thursday"] = IsoDayOfWeek.Thursday,
        ["quinta-feira"] = IsoDayOfWeek.Thursday,
        ["quinta"] = IsoDayOfWeek.Thursday,
        ["viernes"] = IsoDayOfWeek.Friday,
        ["friday"] = IsoDayOfWeek.Friday,
        ["sexta-feira"] = IsoDayOfWeek.Friday,
        ["sexta"] = IsoDayOfWeek.Friday,
        ["sabado"] = IsoDayOfWeek.Saturday,
        ["saturday"] = IsoDayOfWeek.Saturday,
        ["domingo"] = IsoDayOfWeek.Sunday,
        ["sunday"] = IsoDayOfWeek.Sunday,
    };

    public static string MonthAlternation { get; } = string.Join('|', Months.Keys.OrderByDescending(k => k.Length));

    public static string WeekdayAlternation { get; } = string.Join('|', Weekdays.Keys.OrderByDescending(k => k.Length));

    public static int Month(string word) => Months[word];

    public static IsoDayOfWeek Weekday(string word) => Weekdays[word];
}
