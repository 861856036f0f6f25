using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Safety;

/// <summary>
/// One rule's words, written in a small notation over normalised tokens and compiled to a regex:
/// <c>quiero|quisiera morir*|matarme</c> is a sequence of token alternatives; <c>a+b</c> is a two-word
/// alternative, a trailing <c>*</c> a prefix, a trailing <c>?</c> an optional token, <c>...</c> up
/// to three other tokens in between (<c>..5</c> up to five), <c>@name</c> a word class of the
/// language's lexicon, and a leading <c>!a|b</c> a word that must not come just before. Gaps never
/// cross a clause boundary.
/// </summary>
internal sealed class CrisisPattern
{
    private readonly Regex _regex;
    private readonly (string Word, bool Prefix)[][] _anchors;

    public CrisisPattern(string notation, IReadOnlyDictionary<string, string> lexicon)
    {
        Notation = notation;
        var elements = notation.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => Expand(e, lexicon)).ToList();
        // A match starts at the space before its first word: a literal start lets the regex engine
        // search for it with a vectorised scan instead of trying every position.
        var source = new StringBuilder();
        if (elements.Count > 0 && elements[0].StartsWith('!'))
        {
            // "!vou me mata": "me mata" is an idiom unless "vou" comes right before it.
            source.Append("(?<! ").Append(Alternatives(elements[0][1..], notation)).Append(')');
            elements.RemoveAt(0);
        }

        source.Append(' ');

        if (elements.Count == 0 || elements[0].StartsWith("..", StringComparison.Ordinal) || elements[0].EndsWith('?'))
        {
            throw new ArgumentException($"Crisis pattern '{notation}' must start with a required word.", nameof(notation));
        }

        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            if (element.StartsWith("..", StringComparison.Ordinal))
            {
                var most = element == "..." ? 3 : int.Parse(element[2..], System.Globalization.CultureInfo.InvariantCulture);
                source.Append("(?: [^ |]+){0,").Append(most).Append('}');
                continue;
            }

            var optional = element.EndsWith('?');
            var alternatives = Alternatives(optional ? element[..^1] : element, notation);
            var separator = i == 0 ? string.Empty : " ";
            source.Append(optional ? $"(?:{separator}{alternatives})?" : $"{separator}{alternatives}");
        }

        source.Append("(?= )");
        _regex = new Regex(source.ToString(), RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        // Every required word position must find one of its words among the message's tokens.
        _anchors = [.. elements.Where(e => !e.StartsWith("..", StringComparison.Ordinal) && !e.EndsWith('?')).Select(Anchor)];
    }

    public string Notation { get; }

    /// <summary>The words that can stand first in a match, for <see cref="CrisisRuleIndex"/>.</summary>
    public IReadOnlyList<(string Word, bool Prefix)> FirstWords => _anchors[0];

    /// <summary>A cheap test on the message's tokens that lets most rules skip the regex.</summary>
    public bool MayMatch(IReadOnlySet<string> tokens)
    {
        foreach (var position in _anchors)
        {
            if (!Present(position, tokens))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Present((string Word, bool Prefix)[] words, IReadOnlySet<string> tokens)
    {
        foreach (var (word, prefix) in words)
        {
            if (tokens.Contains(word))
            {
                return true;
            }

            if (prefix)
            {
                foreach (var token in tokens)
                {
                    if (token.StartsWith(word, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static (string Word, bool Prefix)[] Anchor(string element) =>
        [.. element.Split('|').Select(a => a.Split('+')[0]).Select(w => w.EndsWith('*') ? (CrisisText.FoldWord(w[..^1]), true) : (CrisisText.FoldWord(w), false))];

    public MatchCollection Matches(string normalised) => _regex.Matches(normalised);

    public bool IsMatch(string normalised) => _regex.IsMatch(normalised);

    /// <summary>Replaces every match with one token, so that later rules cannot read the words.</summary>
    public string Mask(string normalised, string token) => _regex.Replace(normalised, " " + token);

    private static string Expand(string element, IReadOnlyDictionary<string, string> lexicon)
    {
        var guard = element.StartsWith('!') ? "!" : string.Empty;
        var optional = element.EndsWith('?') ? "?" : string.Empty;
        var core = element[guard.Length..^optional.Length];
        var expanded = string.Join('|', core.Split('|').Select(a => a.StartsWith('@') ? lexicon.TryGetValue(a[1..], out var words) ? words : throw new ArgumentException($"Unknown word class '{a}'.", nameof(element)) : a));
        return guard + expanded + optional;
    }

    private static string Alternatives(string element, string notation)
    {
        var alternatives = element.Split('|').Select(alternative => string.Join(' ', alternative.Split('+').Select(word => Word(word, notation))));
        return "(?:" + string.Join('|', alternatives.Distinct()) + ")";
    }

    private static string Word(string word, string notation)
    {
        if (!word.EndsWith('*'))
        {
            return Regex.Escape(CrisisText.FoldWord(word));
        }

        // A prefix ending in c or q would fold differently from the word it starts ("suic" vs "suisidio").
        var stem = word[..^1];
        if (stem.Length == 0 || stem[^1] is 'c' or 'q')
        {
            throw new ArgumentException($"Crisis pattern '{notation}' has a prefix '{word}' that cannot be folded.", nameof(notation));
        }

        return Regex.Escape(CrisisText.FoldWord(stem)) + "[^ |]*";
    }
}
