using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using M = Concierge.Skills.Templates.Builder.TemplateMemoryKeys;
using W = Concierge.Skills.Templates.Builder.ReaderLexicon;

namespace Concierge.Skills.Templates.Builder;

/// <summary>The offline reader's purpose and category: a stock purpose, a description, or the answer to the purpose question.</summary>
public sealed partial class OfflineTemplateReader
{
    private static void ReadPurpose(string original, string folded, string? pending, bool keepPurpose, PurposeKind? recognised, string replyLanguage, bool yesNo, JsonObject updates)
    {
        // The purpose can still be said while the builder asks for the purpose, the category or a body.
        if (keepPurpose && pending is not (M.Purpose or M.Category or M.BodyText))
        {
            return;
        }

        if (recognised is not null)
        {
            updates[M.Purpose] = PurposeKinds.Pick(recognised.Labels, replyLanguage);
            updates[M.PurposeKind] = recognised.Key;
            updates[M.Category] = recognised.Category;
            return;
        }

        if (PurposePhrase(folded) is { } phrase && PurposeDescription.Find(original) is null)
        {
            updates[M.Purpose] = phrase;
            updates[M.PurposeKind] = null;
            return;
        }

        if (PurposeDescription.Find(original) is { } description)
        {
            updates[M.Purpose] = description;
            updates[M.PurposeKind] = null;
            return;
        }

        // What the message is for, said without a stock phrase or a verb ("we miss you message with 15% off",
        // "frete grátis no fim de semana"): the user's words are the purpose when they say which kind of message it is.
        if (!keepPurpose && !yesNo && pending is null or M.Purpose or M.Category && (CategorySense.Guess(folded) ?? NamedCategory(folded)) is { } category
            && !original.TrimEnd().EndsWith('?') && PurposeDescription.Whole(original) is { } whole)
        {
            updates[M.Purpose] = whole;
            updates[M.PurposeKind] = null;
            updates[M.Category] = category;
            return;
        }

        // The reply asked for the purpose: the answer is it, unless it only named a category or a language.
        var answered = W.CategoryWords.Any(c => TextScan.HasAny(folded, [c.Phrase])) && TextScan.WordCount(original) <= 3;
        if (pending == M.Purpose && !yesNo && !answered && TextScan.WordCount(original) > 0 && !original.TrimEnd().EndsWith('?'))
        {
            var purpose = TextScan.CleanQuoted(original);
            updates[M.Purpose] = purpose.Length > 100 ? purpose[..100].TrimEnd() : purpose;
            updates[M.PurposeKind] = null;
        }
    }

    /// <summary>"a template for &lt;something we have no text for&gt;": their words, up to the next detail ("with", "in English", a comma).</summary>
    private static string? PurposePhrase(string folded)
    {
        var template = TextScan.FirstIndex(folded, W.TemplateWords);
        if (template < 0)
        {
            return null;
        }

        // "a utility template: your prescription is ready for pickup" gives the message itself after the colon;
        // a "for ..." inside it is part of the sentence, not the purpose, and the whole clause is kept.
        if (Regex.IsMatch(folded[template..], @"^\w+(?:\s+(?:de\s+)?\w+)?\s*:\s*\w+\s+\w+"))
        {
            return null;
        }

        foreach (Match match in Regex.Matches(folded[template..], @"\b(?:for|about|para|sobre|pour|de)\s+(?<p>[^,.;!?\n]+)"))
        {
            var words = new List<string>();
            foreach (var word in match.Groups["p"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (word is "with" or "con" or "com" or "avec" or "in" or "en" or "em" or "and" or "y" or "et" or "no" or "sin" or "sem" or "sans" or "without" or "using" or "for" or "para" or "pour")
                {
                    break;
                }

                words.Add(word);
            }

            var phrase = string.Join(' ', words.Where(w => w is not ("a" or "an" or "the" or "un" or "una" or "um" or "uma" or "une" or "my" or "our" or "mi" or "mis" or "meu" or "minha" or "mon" or "ma")));
            if (phrase.Length >= 3 && words.Count <= 8 && !(words.Count <= 3 && BusinessTypes.Recognise(phrase) is not null) && !TextScan.HasAny(phrase, W.CategoryWords.Select(c => c.Phrase)) && !TextScan.HasAny(phrase, ["whatsapp"]))
            {
                return phrase;
            }
        }

        return null;
    }

    private static string? NamedCategory(string folded) =>
        W.CategoryWords.FirstOrDefault(c => TextScan.IndexOfPhrase(folded, c.Phrase) >= 0).Category;

    private static void ReadCategory(string folded, JsonObject updates)
    {
        var named = W.CategoryWords
            .Select(c => (c.Category, Index: TextScan.IndexOfPhrase(folded, c.Phrase)))
            .Where(c => c.Index >= 0)
            .OrderBy(c => c.Index)
            .LastOrDefault();
        if (named.Category is not null)
        {
            updates[M.Category] = named.Category;
        }
    }
}
