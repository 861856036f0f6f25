namespace Concierge.Safety;

/// <summary>
/// Finds the few rules whose first word occurs in a message, so that a message meets a handful of
/// rules instead of all of them: exact words by lookup, prefixes ("suicid*") by their first letters.
/// </summary>
internal sealed class CrisisRuleIndex
{
    private const int PrefixKey = 3;

    private readonly CrisisRule[] _rules;
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byPrefix = new(StringComparer.Ordinal);
    private readonly List<int> _always = [];

    public CrisisRuleIndex(IEnumerable<CrisisRule> rules)
    {
        _rules = [.. rules];
        for (var i = 0; i < _rules.Length; i++)
        {
            foreach (var (word, prefix) in _rules[i].Pattern.FirstWords)
            {
                if (!prefix)
                {
                    Add(_byWord, word, i);
                }
                else if (word.Length >= PrefixKey)
                {
                    Add(_byPrefix, word[..PrefixKey], i);
                }
                else
                {
                    _always.Add(i);
                }
            }
        }
    }

    /// <summary>The rules that may match, in table order (idioms mask in the order they are written).</summary>
    public IEnumerable<CrisisRule> Candidates(IReadOnlySet<string> tokens)
    {
        var found = new SortedSet<int>(_always);
        foreach (var token in tokens)
        {
            if (_byWord.TryGetValue(token, out var exact))
            {
                found.UnionWith(exact);
            }

            if (token.Length >= PrefixKey && _byPrefix.TryGetValue(token[..PrefixKey], out var prefixed))
            {
                found.UnionWith(prefixed);
            }
        }

        foreach (var i in found)
        {
            if (_rules[i].Pattern.MayMatch(tokens))
            {
                yield return _rules[i];
            }
        }
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int rule)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (list.Count == 0 || list[^1] != rule)
        {
            list.Add(rule);
        }
    }
}
