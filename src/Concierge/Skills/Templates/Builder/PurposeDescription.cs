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
    [GeneratedRegex(@"\b(?:tell(?:s|ing)?|let(?:ting)?\s+(?:\w+\s+){0,2}know|inform(?:s|ing)?|notif(?:y|ies|ying)|remind(?:s|ing)?|announc(?:e|es|ing)|promot(?:e|es|ing)|advertis(?:e|ing)|invit(?:e|es|ing)|thank(?:s|ing)?|welcom(?:e|ing)|wish(?:es|ing)?|alert(?:s|ing)?|avisar(?:les|le)?|av[ií]sales|informar(?:les|le)?|recordar(?:les|le)?|decir(?:les|le)?|contar(?:les|le)?|dizer|dire|anunciar|promocionar|invitar|agradecer|felicitar|notificar|comunicar|lembrar|divulgar|convidar|parabenizar|informer|annoncer|rappeler|pr[eé]venir|inviter|remercier|souhaiter|promouvoir)\b(?<d>[^.!?\n]{3,200})", RegexOptions.IgnoreCase)]
    private static partial Regex Described();

    [GeneratedRegex(@"(?:,?\s+(?:in|en|em|na|no)\s+(?:(?:us|uk|british|american|mexican|argentine|argentinian|european|brazilian|canadian)\s+)?(?:english|spanish|portuguese|french|ingl[eé]s|espa[nñ]ol|portugu[eé]s|franc[eé]s|fran[cç]ais|anglais|espagnol|portugais|espanhol)\b.*$)|(?:,?\s*\b(?:with|con|com|avec|no|sin|sem|sans|without|plus|and\s+a|and\s+an|y\s+un|e\s+um|et\s+un)\s+(?:(?:a|an|the|un|una|um|uma|le|la|des|el|o)\s+)?(?:header|footer|buttons?|quick\s+repl|link|url|call|encabezado|pie|bot[oó]n|botones|bot[aã]o|bot[oõ]es|rodap[eé]|cabe[cç]alho|bouton|en-t[eê]te|pied|enlace|lien)\b.*$)|(?:,?\s*\b(?:marketing|utility|authentication)\b.*$)|(?:,?\s*(?:https?://|www\.).*$)|(?:,?\s*\b(?:just|only|solo|s[oó]|seulement|juste)\s+(?:the\s+|el\s+|o\s+|le\s+)?(?:body|text|cuerpo|texto|corpo|corps|texte)\b.*$)|(?:,?\s*\b(?:please|pls|por favor|porfa|s\'il (?:te|vous) pla[iî]t)\b.*$)|(?:,?\s*[""“«].*$)", RegexOptions.IgnoreCase)]
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

    [GeneratedRegex(@"^(?:(?:hi|hey|hello|hola|buenas|buenos d[ií]as|ol[aá]|oi|bom dia|boa tarde|bonjour|salut|coucou)\b[\s,!.]*)?(?:(?:i|we|yo|eu|je|nous)\s+)?(?:(?:need|want|would like|necesito|necesitamos|quiero|queremos|preciso|precisamos|quero|queremos|veux|voudrais|voudrions|besoin d'|can you (?:make|do|create)(?: me)?|could you (?:make|do|create)(?: me)?|make me|create)\s+)?(?:(?:a|an|una|un|um|uma|une)\s+)?(?:(?:whatsapp|wa)\s+)?(?:(?:marketing|utility|authentication|transactional)\s+)?(?:(?:template|message|msg|plantilla|mensaje|modelo|mensagem|mod[eè]le)(?:\s*:\s*|\s+)(?:(?:de\s+)?(?:marketing|utilidad|utilidade|utilitaire|mercadeo|autenticaci[oó]n|autentica[cç][aã]o)\s*)?(?:for|to|about|para|pra|de|pour|sur)?\s*)?", RegexOptions.IgnoreCase)]
    private static partial Regex Preamble();

    /// <summary>The whole message as a description once the greeting, the request and the details are taken off.</summary>
    public static string? Whole(string original)
    {
        var text = Preamble().Replace(original.Trim(), string.Empty, 1);
        text = Details().Replace(text, string.Empty).Trim(' ', ',', ';', ':', '-', '.', '!');
        text = DescribedBody.Sentence(text);
        return TextScan.WordCount(text) >= 2 && !text.Contains('{', StringComparison.Ordinal) ? Trim(text, 120) : null;
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();
}
