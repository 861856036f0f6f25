using System.Text.RegularExpressions;

namespace Concierge.Bookings.Reading;

/// <summary>
/// Phrases naming a part of the day (folded). Restaurant evenings are "noche"/"noite"/"night"; only
/// the small hours are <see cref="PartOfDay.Night"/>. Some also say which day ("esta noche" is today).
/// </summary>
internal static class PartsOfDay
{
    private static readonly (string Phrase, PartOfDay Part, bool Today)[] Phrases =
    [
        ("de la manana", PartOfDay.Morning, false), ("por la manana", PartOfDay.Morning, false), ("en la manana", PartOfDay.Morning, false),
        ("esta manana", PartOfDay.Morning, true), ("da manha", PartOfDay.Morning, false), ("de manha", PartOfDay.Morning, false),
        ("pela manha", PartOfDay.Morning, false), ("nesta manha", PartOfDay.Morning, true), ("hoje de manha", PartOfDay.Morning, true),
        ("in the morning", PartOfDay.Morning, false), ("this morning", PartOfDay.Morning, true), ("morning", PartOfDay.Morning, false),
        ("de la tarde", PartOfDay.Afternoon, false), ("por la tarde", PartOfDay.Afternoon, false), ("en la tarde", PartOfDay.Afternoon, false),
        ("a la tarde", PartOfDay.Afternoon, false), ("esta tarde", PartOfDay.Afternoon, true), ("da tarde", PartOfDay.Afternoon, false),
        ("de tarde", PartOfDay.Afternoon, false), ("a tarde", PartOfDay.Afternoon, false), ("pela tarde", PartOfDay.Afternoon, false),
        ("nesta tarde", PartOfDay.Afternoon, true), ("hoje a tarde", PartOfDay.Afternoon, true), ("in the afternoon", PartOfDay.Afternoon, false),
        ("this afternoon", PartOfDay.Afternoon, true), ("afternoon", PartOfDay.Afternoon, false),
        ("de la noche", PartOfDay.Evening, false), ("por la noche", PartOfDay.Evening, false), ("en la noche", PartOfDay.Evening, false),
        ("a la noche", PartOfDay.Evening, false), ("esta noche", PartOfDay.Evening, true), ("de noche", PartOfDay.Evening, false),
        ("da noite", PartOfDay.Evening, false), ("de noite", PartOfDay.Evening, false), ("a noite", PartOfDay.Evening, false),
        ("pela noite", PartOfDay.Evening, false), ("esta noite", PartOfDay.Evening, true), ("nesta noite", PartOfDay.Evening, true),
        ("hoje a noite", PartOfDay.Evening, true), ("in the evening", PartOfDay.Evening, false), ("this evening", PartOfDay.Evening, true),
        ("tonight", PartOfDay.Evening, true), ("at night", PartOfDay.Evening, false), ("evening", PartOfDay.Evening, false),
        ("de madrugada", PartOfDay.Night, false), ("late at night", PartOfDay.Night, false),
    ];

    /// <summary>The phrases as a regex alternation, longest first.</summary>
    public static string Alternation { get; } =
        string.Join('|', Phrases.Select(p => p.Phrase).OrderByDescending(p => p.Length).Select(p => p.Replace(" ", @"\s+", StringComparison.Ordinal)));

    private static readonly Regex Any = new($@"\b(?:{Alternation})\b", RegexOptions.CultureInvariant);

    public static (PartOfDay Part, bool Today) Of(string phrase)
    {
        var normal = Regex.Replace(phrase.Trim(), @"\s+", " ");
        var found = Phrases.First(p => p.Phrase == normal);
        return (found.Part, found.Today);
    }

    /// <summary>Takes every part-of-day phrase left in the buffer; the first one counts.</summary>
    public static (PartOfDay Part, bool Today)? Take(ReadingBuffer buffer)
    {
        var taken = buffer.Take(Any);
        return taken.Count == 0 ? null : Of(taken[0].Value);
    }

    /// <summary>The first part-of-day phrase anywhere in the message, without taking it (to read "8" in "tomorrow evening at 8").</summary>
    public static PartOfDay? Mentioned(string folded) =>
        Any.Match(folded) is { Success: true } match ? Of(match.Value).Part : null;
}
