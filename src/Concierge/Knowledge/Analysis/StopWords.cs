using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Concierge.Knowledge.Analysis;

/// <summary>
/// Stop words per language, accent-folded because the analyser folds before it filters. Spanish and
/// Portuguese use Lucene's Snowball lists; Lucene's English default has only 33 words and keeps
/// "how", "what" and "my", which every question has, so English uses the full Snowball list.
/// A few question fillers ("puedo", "posso", "can") are added: they carry no topic.
/// </summary>
internal static class StopWords
{
    private const string English =
        "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers " +
        "herself it its itself they them their theirs themselves what which who whom this that these those am is " +
        "are was were be been being have has had having do does did doing would should could ought a an the and " +
        "but if or because as until while of at by for with about against between into through during before " +
        "after above below to from up down in out on off over under again further then once here there when " +
        "where why how all any both each few more most other some such no nor not only own same so than too very " +
        "s t d m ll re ve don can cannot will just now also please hi hello thanks many much happen happens happened";

    private const string SpanishExtra =
        "puedo puede pueden podemos podria hay quiero quisiera gustaria favor hola gracias usted ustedes cual " +
        "cuales cuanto cuanta cuantos cuantas donde cuando como que si tambien tienen tiene tengo saber pasa ocurre";

    private const string PortugueseExtra =
        "posso pode podem podemos poderia quero queria gostaria favor ola obrigado obrigada voce voces qual quais " +
        "quanto quanta quantos quantas onde quando como que se tambem tem tenho ha saber acontece acontecer";

    public static CharArraySet For(string language) => language switch
    {
        KnowledgeLanguages.Spanish => SpanishSet.Value,
        KnowledgeLanguages.Portuguese => PortugueseSet.Value,
        _ => EnglishSet.Value,
    };

    private static readonly Lazy<CharArraySet> EnglishSet = new(() => Folded(English.Split(' ')));

    private static readonly Lazy<CharArraySet> SpanishSet = new(() =>
        Folded(SpanishAnalyzer.DefaultStopSet.Select(w => w.ToString()).Concat(SpanishExtra.Split(' '))));

    private static readonly Lazy<CharArraySet> PortugueseSet = new(() =>
        Folded(PortugueseAnalyzer.DefaultStopSet.Select(w => w.ToString()).Concat(PortugueseExtra.Split(' '))));

    internal static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    private static CharArraySet Folded(IEnumerable<string> words)
    {
        var set = new CharArraySet(LuceneVersion.LUCENE_48, 256, ignoreCase: true);
        foreach (var word in words)
        {
            set.Add(Fold(word));
        }

        return set.AsReadOnly();
    }
}
