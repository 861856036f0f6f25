using Concierge.Conversations;
using Concierge.Models;

namespace Concierge.Server.OpenAiCompatible;

/// <summary>A turn in OpenAI's shapes: a <c>chat.completion</c>, or the chunks of one.</summary>
internal sealed class CompletionShape(string model, DateTimeOffset now)
{
    private readonly string _id = "chatcmpl-" + Guid.CreateVersion7().ToString("N");
    private readonly long _created = now.ToUnixTimeSeconds();

    public object Whole(TurnResult turn, TokenCounter tokens) => new
    {
        id = _id,
        @object = "chat.completion",
        created = _created,
        model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content = turn.Reply.Content }, finish_reason = "stop" } },
        usage = Usage(turn, tokens),
    };

    public object Chunk(string? role, string? content, string? finishReason) => new
    {
        id = _id,
        @object = "chat.completion.chunk",
        created = _created,
        model,
        choices = new[] { new { index = 0, delta = new { role, content }, finish_reason = finishReason } },
    };

    public object UsageChunk(TurnResult turn, TokenCounter tokens) => new
    {
        id = _id,
        @object = "chat.completion.chunk",
        created = _created,
        model,
        choices = Array.Empty<object>(),
        usage = Usage(turn, tokens),
    };

    /// <summary>The model's own counts when the model answered; else the text's tokens, counted (an offline turn has no provider report).</summary>
    private static object Usage(TurnResult turn, TokenCounter tokens)
    {
        var reported = turn.ModelCalls.Where(c => c.Outcome == ModelCallOutcome.Ok).ToList();
        var prompt = reported.Count > 0 ? reported.Sum(c => c.InputTokens ?? 0) : tokens.Count(turn.UserMessage.Content);
        var completion = reported.Count > 0 ? reported.Sum(c => c.OutputTokens ?? 0) : tokens.Count(turn.Reply.Content);
        return new { prompt_tokens = prompt, completion_tokens = completion, total_tokens = prompt + completion };
    }
}
