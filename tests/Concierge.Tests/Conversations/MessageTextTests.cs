using Concierge.Conversations;

namespace Concierge.Tests.Conversations;

public class MessageTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void Empty_or_whitespace_message_is_refused_naming_the_field(string? text)
    {
        var error = Assert.Throws<InvalidTurnInputException>(() => MessageText.Validate(text, 2000));

        Assert.Equal("message", error.Field);
        Assert.Equal(TurnInputCodes.Empty, error.Code);
    }

    [Fact]
    public void Message_over_the_limit_is_refused_with_both_lengths_in_the_detail()
    {
        var error = Assert.Throws<InvalidTurnInputException>(() => MessageText.Validate(new string('a', 2001), 2000));

        Assert.Equal(TurnInputCodes.TooLong, error.Code);
        Assert.Contains("2001", error.Message);
        Assert.Contains("2000", error.Message);
    }

    [Fact]
    public void Length_counts_what_a_person_sees_so_emoji_are_one_character_each()
    {
        var text = string.Concat(Enumerable.Repeat("👍🏽", 10));

        Assert.Equal(text, MessageText.Validate(text, 10));
    }

    [Fact]
    public void Text_that_cannot_be_stored_is_refused()
    {
        // Built in code: theory data is serialised, which would replace a lone surrogate with U+FFFD.
        string[] unstorable = ["hello\0world", "lone " + (char)0xD800 + " surrogate", "ends with " + (char)0xDBFF];

        Assert.All(unstorable, text =>
            Assert.Equal(TurnInputCodes.InvalidText, Assert.Throws<InvalidTurnInputException>(() => MessageText.Validate(text, 2000)).Code));
    }

    [Fact]
    public void Injection_strings_are_ordinary_text()
    {
        const string text = "'; DROP TABLE sessions; -- <script>alert(1)</script>";

        Assert.Equal(text, MessageText.Validate(text, 2000));
    }
}
