using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Concierge.Knowledge.Analysis;

/// <summary>
/// Turns text into the normalised, stemmed terms every index here stores. The databases' full-text
/// columns hold <see cref="AnalyzedTerms"/> under a plain tokenizer (FTS5 unicode61, tsvector
/// 'simple'), so stemming is done once, here, and is the same on SQLite, PostgreSQL and in memory.
/// </summary>
public static class TextAnalysis
{
    /// <summary>A question longer than this is read only this far: the rest adds cost, not meaning.</summary>
    public const int MaxQueryChars = 1_000;

    /// <summary>At most this many distinct terms are searched for, in the order they first appear.</summary>
    public const int MaxQueryTerms = 32;

    private static readonly Dictionary<string, Analyzer> Analyzers = KnowledgeLanguages.All.ToDictionary(
        language => language,
        language => (Analyzer)new LanguageAnalyzer(language, StopWords.For(language)));

    /// <summary>"es", "en" or "pt"; <paramref name="fallback"/> when nothing in the text decides it.</summary>
    public static string GuessLanguage(string text, string fallback = KnowledgeLanguages.English) =>
        LanguageGuess.Guess(text ?? string.Empty, fallback).Language;

    /// <summary>The text's terms in order, repeats kept (term frequency matters to ranking).</summary>
    public static IReadOnlyList<string> Terms(string text, string language)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }

        var analyzer = Analyzers[KnowledgeLanguages.Normalize(language)];
        using var stream = analyzer.GetTokenStream("text", new StringReader(text.Normalize(NormalizationForm.FormC)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>The terms as one space-separated string, for a database full-text column.</summary>
    public static string AnalyzedTerms(string text, string language) => string.Join(' ', Terms(text, language));

    /// <summary>
    /// The distinct terms to search for. Analysed in <paramref name="language"/>, or in the guessed
    /// language when it is null. Only that one analyser is used: documents are indexed in their own
    /// language, and adding the other stemmers' forms of the same words lowered the measured hit rate
    /// (see docs/knowledge.md) while letting foreign stop words ("de", "el") through as search terms.
    /// </summary>
    public static IReadOnlyList<string> QueryTerms(string query, string? language)
    {
        var text = query ?? string.Empty;
        if (text.Length > MaxQueryChars)
        {
            text = text[..MaxQueryChars];
            if (char.IsHighSurrogate(text[^1]))
            {
                text = text[..^1];
            }
        }

        var chosen = language is null ? GuessLanguage(text) : KnowledgeLanguages.Normalize(language);
        return Terms(text, chosen).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToList();
    }
}
