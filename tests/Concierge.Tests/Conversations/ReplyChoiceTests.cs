using Concierge.Conversations;

namespace Concierge.Tests.Conversations;

/// <summary>Choice titles cut to a channel's limit, and choices as numbered lines with a number reply read back as the choice.</summary>
public class ReplyChoiceTests
{
    private static readonly ReplyChoice[] Slots =
    [
        new("Thursday, March 5 at 7:00 PM", "7:00 PM"),
        new("Thursday, March 5 at 7:30 PM", "7:30 PM"),
        new("Thursday, March 5 at 8:00 PM", "8:00 PM"),
    ];

    [Fact]
    public void A_title_longer_than_the_limit_is_cut_with_an_ellipsis_to_exactly_the_limit()
    {
        var choice = new ReplyChoice("hibachi", "Hibachi at home with the chef");

        Assert.Equal("Hibachi at home wit…", choice.TitleWithin(20));
        Assert.Equal("Hibachi", new ReplyChoice("hibachi", " Hibachi ").TitleWithin(20));
    }

    [Fact]
    public void Cutting_a_title_never_splits_an_emoji()
    {
        var title = string.Concat(Enumerable.Repeat("👨‍👩‍👧", 25));

        var cut = new ReplyChoice("family", title).TitleWithin(20);

        Assert.Equal(string.Concat(Enumerable.Repeat("👨‍👩‍👧", 19)) + "…", cut);
    }

    [Fact]
    public void Choices_are_numbered_lines_under_the_text()
    {
        var text = NumberedChoices.Append("What time works for you?", Slots);

        Assert.Equal("What time works for you?\n\n1. 7:00 PM\n2. 7:30 PM\n3. 8:00 PM", text);
        Assert.Equal("No choices here", NumberedChoices.Append("No choices here", []));
    }

    [Theory]
    [InlineData("2", "Thursday, March 5 at 7:30 PM")]
    [InlineData(" 3. ", "Thursday, March 5 at 8:00 PM")]
    [InlineData("1)", "Thursday, March 5 at 7:00 PM")]
    [InlineData("4", null)]
    [InlineData("0", null)]
    [InlineData("2 people", null)]
    [InlineData("٢", null)]
    public void A_reply_that_is_just_a_listed_number_is_that_choice(string reply, string? id)
    {
        Assert.Equal(id, NumberedChoices.Picked(reply, Slots));
    }
}
