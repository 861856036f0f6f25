using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Concierge.Knowledge.Analysis;

/// <summary>
/// Splits on anything that is not a letter or digit. Lucene's StandardTokenizer keeps "3.5" or
/// "e-mail" whole, but SQLite's unicode61 and PostgreSQL's parser would split them again; with plain
/// letter-and-digit runs, the terms mean the same to every index that stores them.
/// </summary>
internal sealed class LetterOrDigitTokenizer(TextReader input) : CharTokenizer(LuceneVersion.LUCENE_48, input)
{
    protected override bool IsTokenChar(int c)
    {
        if (!Rune.IsValid(c))
        {
            return false;
        }

        var rune = new Rune(c);
        return Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark;
    }
}
