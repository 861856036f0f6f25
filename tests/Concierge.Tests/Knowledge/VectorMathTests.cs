using Concierge.Knowledge.Ranking;

namespace Concierge.Tests.Knowledge;

public class VectorMathTests
{
    [Fact]
    public void Cosine_is_one_for_the_same_direction_zero_for_orthogonal_and_minus_one_for_opposite()
    {
        Assert.Equal(1f, VectorMath.Cosine([1, 2, 3], [2, 4, 6]), 5);
        Assert.Equal(0f, VectorMath.Cosine([1, 0], [0, 5]), 5);
        Assert.Equal(-1f, VectorMath.Cosine([1, 1], [-1, -1]), 5);
    }

    [Fact]
    public void A_zero_or_empty_vector_is_similar_to_nothing()
    {
        Assert.Equal(0f, VectorMath.Cosine([0, 0, 0], [1, 2, 3]));
        Assert.Equal(0f, VectorMath.Cosine([], []));
    }

    [Fact]
    public void Vectors_of_different_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => VectorMath.Cosine([1, 2], [1, 2, 3]));
}
