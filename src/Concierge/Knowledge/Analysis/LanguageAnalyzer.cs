using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Concierge.Knowledge.Analysis;

/// <summary>
/// Lower case, accents folded, stop words out, then the language's stemmer. Folding comes before the
/// stemmer so "devolución" and "devolucion" (a user who types without accents) get the same stem.
/// </summary>
internal sealed class LanguageAnalyzer(string language, CharArraySet stopWords) : Analyzer
{
    // Longer "words" are hashes, URLs run together or base64: noise in an index, and a cost.
    private const int MaxTermLength = 40;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new LetterOrDigitTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, stopWords);
        stream = new LengthFilter(LuceneVersion.LUCENE_48, stream, 1, MaxTermLength);
        stream = language switch
        {
            KnowledgeLanguages.Spanish => new SpanishLightStemFilter(stream),
            KnowledgeLanguages.Portuguese => new PortugueseLightStemFilter(stream),
            _ => new PorterStemFilter(stream),
        };
        return new TokenStreamComponents(tokenizer, stream);
    }
}
