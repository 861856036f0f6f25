namespace Concierge.Testing.FakeOpenAi;

/// <summary>One scripted answer of the fake server, taken from its FIFO queue by the next request.</summary>
public abstract record FakeStep
{
    /// <summary>A normal chat completion (or a stream of chunks when the request asked for one).</summary>
    public sealed record Reply(string Text, int? PromptTokens = null, int? CompletionTokens = null, string FinishReason = "stop") : FakeStep;

    /// <summary>An HTTP error in OpenAI's error format (or <paramref name="Body"/> verbatim), with an optional Retry-After.</summary>
    public sealed record Status(int Code, int? RetryAfterSeconds = null, string? Body = null) : FakeStep;

    /// <summary>A 200 whose body is broken JSON.</summary>
    public sealed record Malformed(string Body = "{\"id\": \"chatcmpl-broken\", \"choices\": [") : FakeStep;

    /// <summary>A 200 with valid JSON of the caller's choosing (e.g. a completion without content).</summary>
    public sealed record RawJson(string Body) : FakeStep;

    /// <summary>No answer for this long (or until the client gives up), then a normal default answer.</summary>
    public sealed record Hang(TimeSpan Duration) : FakeStep;

    /// <summary>A pause applied before the next step (or the default answer) serves the same request.</summary>
    public sealed record Latency(TimeSpan Delay) : FakeStep;

    /// <summary>A completion that asks for tool calls (content null, finish_reason "tool_calls").</summary>
    public sealed record ToolCalls(IReadOnlyList<FakeToolCall> Calls, int? PromptTokens = null, int? CompletionTokens = null) : FakeStep;

    /// <summary>
    /// A streamed answer with a scripted pace (a non-streaming request gets it as a plain reply).
    /// Chunks are the words of <paramref name="Text"/>; the usage chunk comes when the request asks for it.
    /// </summary>
    public sealed record Stream(string Text, int? PromptTokens = null, int? CompletionTokens = null) : FakeStep
    {
        /// <summary>Waited after the headers and before the first chunk (a slow first token).</summary>
        public TimeSpan FirstChunkDelay { get; init; }

        /// <summary>Waited before every following chunk.</summary>
        public TimeSpan ChunkDelay { get; init; }

        /// <summary>After this many text chunks the connection is aborted (no finish, no [DONE]).</summary>
        public int? CutAfterChunks { get; init; }

        /// <summary>With <see cref="CutAfterChunks"/>: the cut waits for this task (the test saw the chunks before it).</summary>
        public Task? HoldBeforeCut { get; init; }

        /// <summary>After this many text chunks nothing more is sent until the client gives up.</summary>
        public int? StallAfterChunks { get; init; }

        /// <summary>The stream waits for this task after its first text chunk: a test can look while it is held.</summary>
        public Task? HoldAfterFirstChunk { get; init; }

        public string FinishReason { get; init; } = "stop";
    }
}
