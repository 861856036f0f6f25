using Microsoft.ML.Tokenizers;

namespace Concierge.Models;

/// <summary>
/// Real token counts for context budgets, with OpenAI's o200k_base encoding (GPT-4o, GPT-4.1,
/// o-series). For other providers (Claude, Gemini) it is an estimate: their tokenizers are not
/// published, and o200k usually lands within a few tens of percent of what they bill, which is
/// far closer than counting words. The encoding ships inside the package (no download) and is
/// loaded once per process, on first use; counting is thread-safe.
/// </summary>
public sealed class TokenCounter
{
    /// <summary>What OpenAI adds per message ("&lt;|start|&gt;role ... &lt;|end|&gt;") and once to prime the answer.</summary>
    public const int TokensPerMessage = 3;

    private static readonly Lazy<TokenCounter> Shared = new(() => new TokenCounter(TiktokenTokenizer.CreateForEncoding("o200k_base")));

    private readonly Tokenizer _tokenizer;

    private TokenCounter(Tokenizer tokenizer)
    {
        _tokenizer = tokenizer;
    }

    public static TokenCounter Default => Shared.Value;

    public int Count(string text) => string.IsNullOrEmpty(text) ? 0 : _tokenizer.CountTokens(text);

    /// <summary>Tokens of a prompt as a chat model counts them: each message's text plus its framing.</summary>
    public int Count(IEnumerable<ModelMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var total = TokensPerMessage;
        foreach (var message in messages)
        {
            total += TokensPerMessage + Count(message.Content);
            foreach (var call in message.ToolCalls ?? [])
            {
                total += Count(call.Name) + Count(call.ArgumentsJson);
            }
        }

        return total;
    }
}
