using System.Runtime.InteropServices;

namespace Concierge.Knowledge.Ranking;

/// <summary>
/// An immutable in-memory BM25 index over pre-analysed chunk terms (see TextAnalysis). It ranks the
/// same whichever database stored the chunks, and works with no database full-text search at all.
/// Postings are arrays of (chunk, term frequency) per term, so a query touches only the chunks that
/// hold one of its terms.
/// </summary>
public sealed class Bm25Index
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    private readonly string[] _chunkIds;
    private readonly float[] _lengthNorms;
    private readonly Dictionary<string, Posting[]> _postings;

    private Bm25Index(string[] chunkIds, float[] lengthNorms, Dictionary<string, Posting[]> postings)
    {
        _chunkIds = chunkIds;
        _lengthNorms = lengthNorms;
        _postings = postings;
    }

    public int Count => _chunkIds.Length;

    public static Bm25Index Build(IEnumerable<(string ChunkId, IReadOnlyList<string> Terms)> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var ids = new List<string>();
        var lengths = new List<int>();

        // Each term string is hashed once per occurrence, to a dense id; the rest works on ints.
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var building = new List<List<Posting>>();
        var chunkTerms = new List<int>();
        foreach (var (chunkId, terms) in chunks)
        {
            var chunk = ids.Count;
            ids.Add(chunkId);
            lengths.Add(terms.Count);
            chunkTerms.Clear();
            foreach (var term in terms)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(termIds, term, out var exists);
                if (!exists)
                {
                    id = building.Count;
                    building.Add([]);
                }

                chunkTerms.Add(id);
            }

            // Sorted, equal ids are adjacent: each run is one term with its frequency in this chunk.
            var sorted = CollectionsMarshal.AsSpan(chunkTerms);
            sorted.Sort();
            for (var i = 0; i < sorted.Length;)
            {
                var run = i;
                while (run < sorted.Length && sorted[run] == sorted[i])
                {
                    run++;
                }

                building[sorted[i]].Add(new Posting(chunk, run - i));
                i = run;
            }
        }

        // BM25's length normalisation k1·(1 − b + b·len/avg) depends only on the chunk: computed once.
        var average = lengths.Count == 0 ? 1 : Math.Max(1, lengths.Average());
        var norms = lengths.Select(length => (float)(K1 * (1 - B + (B * length / average)))).ToArray();
        var postings = termIds.ToDictionary(t => t.Key, t => building[t.Value].ToArray(), StringComparer.Ordinal);
        return new Bm25Index([.. ids], norms, postings);
    }

    /// <summary>The best chunks for the terms, best first; chunks sharing no term are not returned.</summary>
    public IReadOnlyList<ScoredChunk> Search(IReadOnlyCollection<string> queryTerms, int limit)
    {
        ArgumentNullException.ThrowIfNull(queryTerms);
        if (limit <= 0 || _chunkIds.Length == 0)
        {
            return [];
        }

        var scores = new Dictionary<int, double>();
        foreach (var term in queryTerms.Distinct(StringComparer.Ordinal))
        {
            if (!_postings.TryGetValue(term, out var postings))
            {
                continue;
            }

            // Lucene's BM25 idf, which stays positive for a term in most chunks.
            var idf = Math.Log(1 + ((_chunkIds.Length - postings.Length + 0.5) / (postings.Length + 0.5)));
            foreach (var posting in postings)
            {
                var tf = posting.Frequency;
                CollectionsMarshal.GetValueRefOrAddDefault(scores, posting.Chunk, out _) +=
                    idf * tf * (K1 + 1) / (tf + _lengthNorms[posting.Chunk]);
            }
        }

        return Top(scores, limit);
    }

    private IReadOnlyList<ScoredChunk> Top(Dictionary<int, double> scores, int limit)
    {
        // A bounded min-heap keeps the best `limit` without sorting every matching chunk.
        var heap = new PriorityQueue<int, (double Score, int Chunk)>(limit + 1, WorstFirst.Instance);
        foreach (var (chunk, score) in scores)
        {
            heap.Enqueue(chunk, (score, chunk));
            if (heap.Count > limit)
            {
                heap.Dequeue();
            }
        }

        var result = new ScoredChunk[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out var chunk, out var priority);
            result[i] = new ScoredChunk(_chunkIds[chunk], priority.Score);
        }

        return result;
    }

    private readonly record struct Posting(int Chunk, int Frequency);

    // Lower score first; on equal scores the later chunk is "worse", so ties keep document order.
    private sealed class WorstFirst : IComparer<(double Score, int Chunk)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Score, int Chunk) x, (double Score, int Chunk) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Chunk.CompareTo(x.Chunk);
    }
}
