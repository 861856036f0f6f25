using Concierge.Knowledge.Ranking;

namespace Concierge.Tests.Knowledge;

public class ReciprocalRankFusionTests
{
    private static List<ScoredChunk> Ranking(params string[] ids) => ids.Select((id, i) => new ScoredChunk(id, 100 - i)).ToList();

    [Fact]
    public void A_chunk_both_rankings_agree_on_beats_one_only_a_single_ranking_puts_first()
    {
        var fused = ReciprocalRankFusion.Fuse(Ranking("a", "b"), Ranking("c", "b"));

        Assert.Equal(["b", "a", "c"], fused.Select(f => f.ChunkId));
        Assert.Equal((1.0 / 62) + (1.0 / 62), fused[0].Score, 6);
    }

    [Fact]
    public void Each_chunk_appears_once_with_the_sum_of_its_reciprocal_ranks()
    {
        var fused = ReciprocalRankFusion.Fuse(0, Ranking("a", "b"), Ranking("b"));

        Assert.Equal(2, fused.Count);
        Assert.Equal("b", fused[0].ChunkId);
        Assert.Equal(0.5 + 1.0, fused[0].Score, 6);
        Assert.Equal(1.0, fused[1].Score, 6);
    }

    [Fact]
    public void No_rankings_fuse_to_nothing() => Assert.Empty(ReciprocalRankFusion.Fuse());
}
