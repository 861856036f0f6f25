using System.Text.RegularExpressions;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// A purpose from any descriptive phrase (issue 18): "tell customers about our new sourdough, 20% off
/// this weekend", "avisar que la receta está lista para recoger", "lembrar que a assinatura vence". The
/// description runs from the verb that says what the message does to the end of its sentence, without
/// the details that follow it (the language, "with a button", "no footer").
/// </summary>
internal static partial class PurposeDescription
{
    [GeneratedRegex(@"\b(?:tell|let\s+(?:\w+\s+){0,2}know|inform|notify|remind|announce|promote|advertise|invite|thank|welcome|wish|alert|avisar(?:les)?|av[ií]sales|informar(?:les)?|recordar(?:les)?|anunciar|promocionar|invitar|agradecer|felicitar|notificar|comunicar|lembrar|divulgar|convidar|parabenizar|informer|annoncer|rappeler|pr[eé]venir|inviter|remercier|souhaiter|promouvoir)\b(?<d>[^.!?\n]{3,200})", RegexOptions.IgnoreCase)]
    private static partial Regex Described();

    [GeneratedRegex(@"(?:,?\s+(?:in|en|em|na|no)\s+(?:(?:us|uk|british|american|mexican|argentine|argentinian|european|brazilian|canadian)\s+)?(?:english|spanish|portuguese|french|ingl[eé]s|espa[nñ]ol|portugu[eé]s|franc[eé]s|fran[cç]ais|anglais|espagnol|portugais|espanhol)\b.*$)|(?:,?\s*\b(?:with|con|com|avec|no|sin|sem|sans|without|plus|and\s+a|and\s+an|y\s+un|e\s+um|et\s+un)\s+(?:(?:a|an|the|un|una|um|uma|le|la|des|el|o)\s+)?(?:header|footer|buttons?|quick\s+repl|link|url|call|encabezado|pie|bot[oó]n|botones|bot[aã]o|bot[oõ]es|rodap[eé]|cabe[cç]alho|bouton|en-t[eê]te|pied|enlace|lien)\b.*$)|(?:,?\s*\b(?:marketing|utility|authentication)\b.*$)|(?:,?\s*(?:https?://|www\.).*$)|(?:,?\s*[""“«].*$)", RegexOptions.IgnoreCase)]
    private static partial Regex Details();

    /// <summary>The description (without the instruction verb's audience), or null when the message has none.</summary>
    public static string? Find(string original)
    {
        var match = Described().Match(original);
        if (!match.Success)
        {
            return null;
        }

        var text = original.Substring(match.Index, match.Length);
        text = Details().Replace(text, string.Empty).Trim(' ', ',', ';', ':', '-');
        var sentence = DescribedBody.Sentence(text);
        return TextScan.WordCount(sentence) >= 2 && !sentence.Contains('{', StringComparison.Ordinal) ? Trim(sentence, 120) : null;
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();
}
