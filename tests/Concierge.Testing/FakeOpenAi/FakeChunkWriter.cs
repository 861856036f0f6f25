using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Concierge.Testing.FakeOpenAi;

/// <summary>
/// Server-sent events as OpenAI sends them: a role chunk, one chunk per word, a finish chunk, the
/// usage chunk (when the request asked with stream_options.include_usage), then "data: [DONE]".
/// Each chunk is flushed on its own, at the pace the step scripts, so clients see them one by one.
/// </summary>
internal sealed class FakeChunkWriter(HttpContext http, string id, long created, string model, bool includeUsage)
{
    /// <summary>Writes the stream; false when it was cut or stalled on purpose.</summary>
    public async Task<bool> WriteAsync(FakeStep.Stream step, JsonObject usage, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.StartAsync(cancellationToken).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);

        if (step.FirstChunkDelay > TimeSpan.Zero)
        {
            await Task.Delay(step.FirstChunkDelay, cancellationToken).ConfigureAwait(false);
        }

        await SendAsync(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null), cancellationToken).ConfigureAwait(false);
        var words = step.Text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0 && step.ChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(step.ChunkDelay, cancellationToken).ConfigureAwait(false);
            }

            await SendAsync(Chunk(new JsonObject { ["content"] = i == 0 ? words[i] : " " + words[i] }, null), cancellationToken).ConfigureAwait(false);
            if (i == 0 && step.HoldAfterFirstChunk is { } hold)
            {
                await hold.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (step.CutAfterChunks == i + 1)
            {
                // A dropped connection: no finish chunk, no [DONE], the client's read fails. An abort
                // resets the connection, and a reset can discard chunks the client has not read
                // yet, so wait until the test has seen them (or, without a signal, a moment).
                await (step.HoldBeforeCut ?? Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken)).WaitAsync(cancellationToken).ConfigureAwait(false);
                http.Abort();
                return false;
            }

            if (step.StallAfterChunks == i + 1)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await SendAsync(Chunk(new JsonObject(), step.FinishReason), cancellationToken).ConfigureAwait(false);
        if (includeUsage)
        {
            await SendAsync(Chunk(null, null, usage), cancellationToken).ConfigureAwait(false);
        }

        await SendRawAsync("[DONE]", cancellationToken).ConfigureAwait(false);
        return true;
    }

    private JsonObject Chunk(JsonObject? delta, string? finishReason, JsonObject? chunkUsage = null)
    {
        var choices = delta is null
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason });
        var chunk = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = choices,
        };

        // With include_usage every chunk carries "usage": null except the last one, as OpenAI does.
        if (includeUsage)
        {
            chunk["usage"] = chunkUsage?.DeepClone();
        }

        return chunk;
    }

    private Task SendAsync(JsonObject chunk, CancellationToken cancellationToken) => SendRawAsync(chunk.ToJsonString(), cancellationToken);

    private async Task SendRawAsync(string data, CancellationToken cancellationToken)
    {
        await http.Response.WriteAsync($"data: {data}\n\n", cancellationToken).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
