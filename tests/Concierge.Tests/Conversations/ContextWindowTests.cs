using Concierge.Conversations;

namespace Concierge.Tests.Conversations;

public class ContextWindowTests
{
    private static Message Msg(int sequence, string content) =>
        new(Guid.NewGuid(), Guid.Empty, sequence, sequence % 2 == 1 ? MessageRole.User : MessageRole.Assistant, content, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Keeps_the_newest_whole_messages_that_fit_the_budget()
    {
        var history = Enumerable.Range(1, 10).Select(i => Msg(i, new string('x', 40))).ToList();
        var perMessage = TokenEstimate.Of(new string('x', 40));

        var fitted = ContextWindow.Fit(history, (perMessage * 3) + (perMessage / 2));

        Assert.Equal([8, 9, 10], fitted.Select(m => m.Sequence));
    }

    [Fact]
    public void Stops_at_a_message_too_big_to_fit_rather_than_skipping_over_it()
    {
        var history = new[] { Msg(1, "short"), Msg(2, new string('y', 4000)), Msg(3, "short") };

        var fitted = ContextWindow.Fit(history, 100);

        Assert.Equal([3], fitted.Select(m => m.Sequence));
        Assert.All(fitted, m => Assert.Equal("short", m.Content));
    }

    [Fact]
    public void Returns_everything_when_the_budget_is_large()
    {
        var history = new[] { Msg(1, "a"), Msg(2, "b") };

        Assert.Equal(2, ContextWindow.Fit(history, 10_000).Count);
    }
}
