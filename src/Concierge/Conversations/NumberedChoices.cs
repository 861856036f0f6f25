using System.Globalization;
using System.Text;

namespace Concierge.Conversations;

/// <summary>
/// Choices on a channel without buttons (SMS, or more than a WhatsApp list holds): numbered lines
/// under the text, and a reply that is just one of those numbers taken as that choice's id.
/// </summary>
public static class NumberedChoices
{
    /// <summary>The text with one "1. Title" line per choice under it; the text alone when there are none.</summary>
    public static string Append(string body, IReadOnlyList<ReplyChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 0)
        {
            return body;
        }

        var text = new StringBuilder(body.TrimEnd()).Append('\n');
        for (var i = 0; i < choices.Count; i++)
        {
            text.Append('\n').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(choices[i].Title);
        }

        return text.ToString();
    }

    /// <summary>The id of the choice a reply like "2" (or " 2. ") names; null when the reply is anything else or out of range.</summary>
    public static string? Picked(string reply, IReadOnlyList<ReplyChoice> offered)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(offered);
        var number = reply.Trim().TrimEnd('.', ')');
        return number.Length is > 0 and <= 2 && number.All(char.IsAsciiDigit)
            && int.Parse(number, CultureInfo.InvariantCulture) is var n && n >= 1 && n <= offered.Count
            ? offered[n - 1].Id
            : null;
    }
}
