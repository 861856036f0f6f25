using Concierge.Conversations;
using Concierge.Models;

namespace Concierge.Tests.Models;

public sealed class TokenCounterTests
{
    [Fact]
    public void Text_is_counted_with_the_o200k_encoding_of_gpt_4o()
    {
        // The count OpenAI's tokenizer gives for this sentence with o200k_base.
        Assert.Equal(14, TokenCounter.Default.Count("Hello, world! The quick brown fox jumps over the lazy dog."));
        Assert.Equal(0, TokenCounter.Default.Count(string.Empty));
    }

    [Fact]
    public void A_prompt_counts_its_messages_text_plus_the_framing_of_each_message()
    {
        var counter = TokenCounter.Default;
        var messages = new[]
        {
            new ModelMessage(MessageRole.System, "You are a helpful concierge."),
            new ModelMessage(MessageRole.User, "When does the pool open?"),
        };

        var expected = TokenCounter.TokensPerMessage * 3 + counter.Count(messages[0].Content) + counter.Count(messages[1].Content);

        Assert.Equal(expected, counter.Count(messages));
    }
}
