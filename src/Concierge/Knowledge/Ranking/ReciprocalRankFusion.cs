namespace Concierge.Knowledge.Ranking;

/// <summary>
/// Merges rankings whose scores are not comparable (BM25 and cosine similarity) by rank alone:
/// each chunk scores Σ 1/(k + rank). k = 60 is the value from Cormack et al., which damps the
/// difference between first and second place so agreement across rankings wins.
/// </summary>
public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    public static IReadOnlyList<ScoredChunk> Fuse(params IReadOnlyList<ScoredChunk>[] rankings) => Fuse(DefaultK, rankings);

    public static IReadOnlyList<ScoredChunk> Fuse(int k, params IReadOnlyList<ScoredChunk>[] rankings)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var fused = new Dictionary<string, (double Score, int FirstSeen)>(StringComparer.Ordinal);
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var id = ranking[rank].ChunkId;
                var contribution = 1.0 / (k + rank + 1);
                fused[id] = fused.TryGetValue(id, out var current)
                    ? (current.Score + contribution, current.FirstSeen)
                    : (contribution, fused.Count);
            }
        }

        return fused
            .OrderByDescending(f => f.Value.Score)
            .ThenBy(f => f.Value.FirstSeen)
            .Select(f => new ScoredChunk(f.Key, f.Value.Score))
            .ToList();
    }
}
