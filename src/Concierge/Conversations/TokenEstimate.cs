namespace Concierge.Conversations;

/// <summary>
/// A rough token count for budgeting prompts before a call. No tokenizer package exists here, so
/// this is an estimate (about four characters a token, plus the per-message framing); real counts
/// come from the provider's usage report and are what is stored.
/// </summary>
public static class TokenEstimate
{
    private const int FramingTokensPerMessage = 4;

    public static int Of(string text) => ((text.Length + 3) / 4) + FramingTokensPerMessage;
}
