using Concierge.Knowledge.Ranking;

namespace Concierge.Tests.Knowledge;

public class Bm25IndexTests
{
    private static Bm25Index Index(params (string Id, string Terms)[] chunks) =>
        Bm25Index.Build(chunks.Select(c => (c.Id, (IReadOnlyList<string>)c.Terms.Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    [Fact]
    public void A_chunk_holding_the_rarer_query_term_ranks_first()
    {
        var index = Index(("a", "order ship day order"), ("b", "order refund day"), ("c", "order hour open"));

        var hits = index.Search(["order", "refund"], 10);

        Assert.Equal("b", hits[0].ChunkId);
        Assert.Equal(3, hits.Count);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void Chunks_sharing_no_term_are_not_returned_and_the_limit_is_kept()
    {
        var index = Index(("a", "x y"), ("b", "x z"), ("c", "x w"), ("d", "q"));

        Assert.Equal(2, index.Search(["x"], 2).Count);
        Assert.Empty(index.Search(["nothing"], 5));
        Assert.Empty(index.Search([], 5));
        Assert.Empty(index.Search(["x"], 0));
    }

    [Fact]
    public void With_the_same_term_frequency_the_shorter_chunk_ranks_first()
    {
        var index = Index(("long", "refund a b c d e f g h i j k l m n o p"), ("short", "refund a"), ("other", "z"));

        Assert.Equal(["short", "long"], index.Search(["refund"], 5).Select(h => h.ChunkId));
    }

    [Fact]
    public void Repeating_a_query_term_does_not_change_the_ranking()
    {
        var index = Index(("a", "refund policy"), ("b", "refund refund"), ("c", "policy"));

        Assert.Equal(index.Search(["refund", "policy"], 5), index.Search(["refund", "refund", "policy"], 5));
    }

    [Fact]
    public void Equal_scores_keep_the_order_the_chunks_were_given_in()
    {
        var index = Index(("first", "same words"), ("second", "same words"), ("third", "other"));

        Assert.Equal(["first", "second"], index.Search(["same"], 5).Select(h => h.ChunkId));
    }

    [Fact]
    public void An_empty_index_finds_nothing()
    {
        var index = Bm25Index.Build([]);

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Search(["x"], 5));
    }

    [Fact]
    public void The_score_matches_the_bm25_formula()
    {
        var index = Index(("a", "t u"), ("b", "u v w x"));
        var idf = Math.Log(1 + ((2 - 1 + 0.5) / (1 + 0.5)));
        var norm = Bm25Index.K1 * (1 - Bm25Index.B + (Bm25Index.B * 2 / 3.0));

        var score = index.Search(["t"], 1)[0].Score;

        Assert.Equal(idf * (Bm25Index.K1 + 1) / (1 + norm), score, 4);
    }
}
