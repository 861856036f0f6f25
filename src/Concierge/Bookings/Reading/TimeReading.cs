using System.Text.RegularExpressions;
using NodaTime;

namespace Concierge.Bookings.Reading;

/// <summary>
/// Times of day in 24-hour and 12-hour forms. A 12-hour hour with neither am/pm nor a part of day
/// anywhere in the message ("a las 8") is read literally and the other half of the day is offered as
/// the alternative, because only the tenant's hours can tell which one is meant.
/// </summary>
internal static class TimeReading
{
    private static readonly string Hour = @"(?<h>\d{1,2}|una|" + NumberWords.Alternation + ")";

    private static readonly Regex Clock = new(
        @"(?<![\d:./-])(?<pre>\b(?:a\s+las|a\s+la|para\s+las|para\s+la|las|at|around|about|as|pelas|pela|por\s+volta\s+das|by)\s+)?"
        + Hour
        + @"(?:(?<sep>[:.h])(?<m>[0-5]\d))?(?![\d/-])"
        + @"(?:\s*(?<suf>hrs|hs|horas|hours|h|o'?clock|en\s+punto|em\s+ponto)\b)?"
        + @"(?:\s+(?<frac>y\s+media|e\s+meia|and\s+a\s+half|y\s+cuarto|e\s+um\s+quarto|e\s+quinze|y\s+quince|menos\s+cuarto|menos\s+um\s+quarto))?"
        + @"(?:\s*(?<ampm>a\.?\s?m\b\.?|p\.?\s?m\b\.?))?"
        + @"(?:\s+(?<part>" + PartsOfDay.Alternation + @"))?\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex Past = new(@"\b(?<frac>half|quarter)\s+(?<dir>past|to)\s+(?<h>\d{1,2}|" + NumberWords.Alternation + @")\b(?:\s*(?<ampm>am|pm))?", RegexOptions.CultureInvariant);

    private static readonly Regex Named = new(@"\b(?<noon>noon|midday|mediodia|meio-dia|meio\s+dia|meiodia)\b|\b(?<midnight>midnight|medianoche|meia-noite|meia\s+noite)\b", RegexOptions.CultureInvariant);

    private static readonly Regex Bare = new(@"^\s*(?<h>\d{1,2}|" + NumberWords.Alternation + @")\s*[.!]?\s*$", RegexOptions.CultureInvariant);

    private static readonly Regex PartyCue = new(@"\b(?:for|para|pra|somos|seremos|of|are)\s+$", RegexOptions.CultureInvariant);

    private static readonly Regex DelayCue = new(@"\b(?:en|in|em|dentro\s+de|daqui\s+a|por|for|durante|within)\s+$", RegexOptions.CultureInvariant);

    public sealed record Reading(LocalTime Time, LocalTime? Alternative, PartOfDay? Part, bool Today);

    public static Reading? Take(ReadingBuffer buffer, bool pendingTime)
    {
        var mentioned = PartsOfDay.Mentioned(buffer.Folded);
        Reading? found = null;
        foreach (var match in buffer.Take(Named))
        {
            found ??= new Reading(match.Groups["noon"].Success ? new LocalTime(12, 0) : LocalTime.Midnight, null, null, false);
        }

        foreach (var match in buffer.Take(Past, m => FromPast(m, mentioned) is not null))
        {
            found ??= FromPast(match, mentioned);
        }

        var work = buffer.Work;
        foreach (var match in buffer.Take(Clock, m => FromClock(m, mentioned) is not null && !PartyBeforePart(work, m) && !Delay(work, m)))
        {
            found ??= FromClock(match, mentioned);
        }

        if (found is null && pendingTime && Bare.Match(buffer.Work) is { Success: true } bare && NumberWords.Parse(bare.Groups["h"].Value) is { } hour)
        {
            found = Resolve(hour, 0, null, mentioned);
            buffer.Blank(bare.Index, bare.Length);
        }

        return found;
    }

    /// <summary>"table for 2 tonight": a number after a party cue whose only time cue is a part of day is a party size.</summary>
    private static bool PartyBeforePart(string work, Match m)
    {
        var onlyPart = m.Groups["part"].Success && !m.Groups["pre"].Success && !m.Groups["m"].Success && !m.Groups["suf"].Success
            && !m.Groups["frac"].Success && !m.Groups["ampm"].Success;
        return onlyPart && PartyCue.IsMatch(work[..m.Index]);
    }

    /// <summary>"en 2 horas" / "in 2 hours" is a delay, not a time of day; the reader leaves it empty.</summary>
    private static bool Delay(string work, Match m) =>
        m.Groups["suf"].Value is "horas" or "hours" or "hrs" && !m.Groups["pre"].Success && DelayCue.IsMatch(work[..m.Index]);

    private static Reading? FromClock(Match m, PartOfDay? mentioned)
    {
        var spoken = m.Groups["h"].Value;
        var cued = m.Groups["pre"].Success || m.Groups["m"].Success || m.Groups["suf"].Success || m.Groups["frac"].Success || m.Groups["ampm"].Success || m.Groups["part"].Success;
        var isWord = !char.IsDigit(spoken[0]);
        if (!cued || (isWord && !m.Groups["pre"].Success && !m.Groups["part"].Success && !m.Groups["ampm"].Success) || (m.Groups["sep"].Value == "." && !m.Groups["m"].Success))
        {
            return null;
        }

        var hour = spoken == "una" ? 1 : NumberWords.Parse(spoken);
        if (hour is not { } h)
        {
            return null;
        }

        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var fraction = m.Groups["frac"].Value;
        if (fraction.Contains("media") || fraction.Contains("meia") || fraction.Contains("half"))
        {
            minute = 30;
        }
        else if (fraction.StartsWith("menos", StringComparison.Ordinal))
        {
            (h, minute) = (h - 1, 45);
        }
        else if (fraction.Length > 0)
        {
            minute = 15;
        }

        var part = m.Groups["part"].Success ? PartsOfDay.Of(m.Groups["part"].Value) : ((PartOfDay, bool)?)null;
        var reading = Resolve(h, minute, m.Groups["ampm"].Success ? m.Groups["ampm"].Value : null, part?.Item1 ?? mentioned);
        return reading is null ? null : reading with { Part = part?.Item1, Today = part?.Item2 ?? false };
    }

    private static Reading? FromPast(Match m, PartOfDay? mentioned)
    {
        if (NumberWords.Parse(m.Groups["h"].Value) is not { } h)
        {
            return null;
        }

        var (hour, minute) = m.Groups["frac"].Value == "half" ? (h, 30) : m.Groups["dir"].Value == "past" ? (h, 15) : (h - 1, 45);
        return Resolve(hour, minute, m.Groups["ampm"].Success ? m.Groups["ampm"].Value : null, mentioned);
    }

    private static Reading? Resolve(int hour, int minute, string? ampm, PartOfDay? part)
    {
        if (hour is < 0 or > 23 || minute is < 0 or > 59)
        {
            return null;
        }

        if (ampm is not null)
        {
            return hour is < 1 or > 12 ? null : new Reading(new LocalTime((hour % 12) + (ampm.StartsWith('p') ? 12 : 0), minute), null, null, false);
        }

        if (part is PartOfDay.Afternoon or PartOfDay.Evening)
        {
            // "12 de la noche" is midnight; "12 de la tarde" is noon.
            var afternoon = hour < 12 ? hour + 12 : hour == 12 && part == PartOfDay.Evening ? 0 : hour;
            return new Reading(new LocalTime(afternoon, minute), null, null, false);
        }

        if (part is not null || hour is 0 or >= 12)
        {
            return new Reading(new LocalTime(hour, minute), null, null, false);
        }

        return new Reading(new LocalTime(hour, minute), new LocalTime(hour + 12, minute), null, false);
    }
}
