using System.Text.Json;
using Concierge.Conversations;
using Concierge.Models;
using Concierge.Server.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Concierge.Server.OpenAiCompatible;

/// <summary>
/// <c>stream: true</c>: the turn's deltas as <c>chat.completion.chunk</c> events, then the final
/// chunk, the usage chunk when asked for, and <c>data: [DONE]</c>. A stream the model broke
/// cannot be taken back in OpenAI's format, so a fallback after a cut is sent as further content;
/// the committed reply is always the whole answer.
/// </summary>
internal sealed class CompletionStream(HttpResponse response, CompletionShape shape) : ITurnObserver
{
    private bool _roleSent;

    public static async Task RunAsync(HttpContext http, Turn turn, TurnRequest request, CompletionShape shape, TokenCounter tokens, bool includeUsage)
    {
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await http.Response.StartAsync();
        var stream = new CompletionStream(http.Response, shape);
        try
        {
            var result = await turn.TakeAsync(request, stream, http.RequestAborted);
            await stream.WriteAsync(shape.Chunk(null, null, "stop"));
            if (includeUsage)
            {
                await stream.WriteAsync(shape.UsageChunk(result, tokens));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not IOException)
        {
            var (problem, detail, _) = ProblemExceptionHandler.Classify(e);
            await stream.WriteAsync(new OpenAiError(new OpenAiErrorBody(detail, "server_error", problem.Code, null)));
        }

        await http.Response.WriteAsync("data: [DONE]\n\n");
        await http.Response.Body.FlushAsync();
    }

    public async ValueTask OnDeltaAsync(string text)
    {
        await WriteAsync(shape.Chunk(_roleSent ? null : "assistant", text, null));
        _roleSent = true;
    }

    public ValueTask OnRestartAsync() => ValueTask.CompletedTask;

    private async Task WriteAsync(object chunk)
    {
        await response.WriteAsync("data: " + JsonSerializer.Serialize(chunk, ChatCompletionJson.Options) + "\n\n");
        await response.Body.FlushAsync();
    }
}
