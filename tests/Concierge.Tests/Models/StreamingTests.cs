using System.Text.Json;
using System.Text.Json.Nodes;
using Concierge.Models;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Tests.Models;

/// <summary>StreamAsync through the real SDK against the fake server's server-sent events.</summary>
public sealed class StreamingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_delta_arrives_while_the_provider_is_still_streaming_and_the_rest_follow_in_order()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sut.Server.Stream(new FakeStep.Stream("The pool opens at seven.", 12, 6) { HoldAfterFirstChunk = hold.Task });

        await using var updates = sut.Model().StreamAsync(ModelTestKit.Ask("When does the pool open?"), Ct).GetAsyncEnumerator(Ct);

        // The fake holds the rest of its stream until released: this delta cannot be a replay of a finished answer.
        Assert.True(await updates.MoveNextAsync());
        Assert.Equal("The", Assert.IsType<ModelTextDelta>(updates.Current).Text);
        Assert.Equal(0, sut.Server.StreamsCompleted);

        hold.SetResult();
        var rest = new List<ModelStreamUpdate>();
        while (await updates.MoveNextAsync())
        {
            rest.Add(updates.Current);
        }

        Assert.Equal(" pool opens at seven.", string.Concat(rest.OfType<ModelTextDelta>().Select(d => d.Text)));
        Assert.Equal(4, rest.OfType<ModelTextDelta>().Count());
        var completed = Assert.IsType<ModelStreamCompleted>(rest[^1]);
        Assert.Equal("The pool opens at seven.", completed.Result.Response?.Text);
        Assert.Equal(12, completed.Result.Response?.InputTokens);
        Assert.Equal(6, completed.Result.Response?.OutputTokens);
        Assert.Equal("stop", completed.Result.Response?.FinishReason);
        Assert.Equal(1, sut.Server.StreamsCompleted);
    }

    [Fact]
    public async Task The_call_log_holds_the_full_text_and_the_usage_and_the_request_asked_for_usage()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Stream(new FakeStep.Stream("one two three", 1000, 500));

        var updates = await ModelTestKit.CollectAsync(sut.Model().StreamAsync(ModelTestKit.Ask("count"), Ct), Ct);

        var log = Assert.Single(Assert.IsType<ModelStreamCompleted>(updates[^1]).Result.Calls);
        Assert.Equal(ModelCallOutcome.Ok, log.Outcome);
        Assert.Equal((1000, 500), (log.InputTokens, log.OutputTokens));
        Assert.Equal((1000 * 0.15m / 1_000_000m) + (500 * 0.60m / 1_000_000m), log.Cost);
        Assert.Equal("one two three", log.ResponsePayload!["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        var body = sut.Server.Requests[0].Body!;
        Assert.True(body["stream"]!.GetValue<bool>());
        Assert.True(body["stream_options"]!["include_usage"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(body, log.RequestPayload));
    }

    [Fact]
    public async Task A_429_before_the_first_token_is_retried_after_retry_after_and_then_streams()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Status(429, retryAfterSeconds: 1).Stream(new FakeStep.Stream("Second try."));

        var updates = await ModelTestKit.CollectAsync(sut.Model().StreamAsync(ModelTestKit.Ask("hi"), Ct), Ct);

        var result = Assert.IsType<ModelStreamCompleted>(updates[^1]).Result;
        Assert.Equal("Second try.", result.Response?.Text);
        Assert.Equal([ModelCallOutcome.Http(429), ModelCallOutcome.Ok], result.Calls.Select(c => c.Outcome));
        var requests = sut.Server.Requests;
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task A_stream_cut_after_tokens_completes_without_a_response_with_the_partial_text_and_is_not_retried()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        var cut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sut.Server.Stream(new FakeStep.Stream("one two three four") { CutAfterChunks = 2, HoldBeforeCut = cut.Task }).Reply("never asked for");

        await using var updates = sut.Model().StreamAsync(ModelTestKit.Ask("count"), Ct).GetAsyncEnumerator(Ct);
        Assert.True(await updates.MoveNextAsync());
        Assert.Equal("one", Assert.IsType<ModelTextDelta>(updates.Current).Text);
        Assert.True(await updates.MoveNextAsync());
        Assert.Equal(" two", Assert.IsType<ModelTextDelta>(updates.Current).Text);
        cut.SetResult();
        Assert.True(await updates.MoveNextAsync());

        var result = Assert.IsType<ModelStreamCompleted>(updates.Current).Result;
        Assert.False(await updates.MoveNextAsync());
        Assert.Null(result.Response);
        Assert.Equal("one two", result.PartialText);
        var log = Assert.Single(result.Calls);
        Assert.Equal(ModelCallOutcome.StreamInterrupted, log.Outcome);
        Assert.NotNull(log.Error);
        Assert.Equal("one two", log.ResponsePayload!["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal(1, sut.Server.RequestCount);
    }

    [Fact]
    public async Task A_stream_that_stalls_between_chunks_longer_than_the_request_timeout_is_a_timeout()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Stream(new FakeStep.Stream("one two three") { StallAfterChunks = 1 });
        var model = sut.Model(o => o.RequestTimeout = TimeSpan.FromSeconds(1));

        var updates = await ModelTestKit.CollectAsync(model.StreamAsync(ModelTestKit.Ask("count"), Ct), Ct);

        var result = Assert.IsType<ModelStreamCompleted>(updates[^1]).Result;
        Assert.Null(result.Response);
        Assert.Equal("one", result.PartialText);
        Assert.Equal(ModelCallOutcome.Timeout, Assert.Single(result.Calls).Outcome);
        Assert.Contains("stalled", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_token_slower_than_the_timeout_is_a_timeout_that_is_retried()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server
            .Stream(new FakeStep.Stream("too late") { FirstChunkDelay = TimeSpan.FromSeconds(30) })
            .Stream(new FakeStep.Stream("in time") { FirstChunkDelay = TimeSpan.FromMilliseconds(100) });
        var model = sut.Model(o => o.RequestTimeout = TimeSpan.FromSeconds(1));

        var updates = await ModelTestKit.CollectAsync(model.StreamAsync(ModelTestKit.Ask("hi"), Ct), Ct);

        var result = Assert.IsType<ModelStreamCompleted>(updates[^1]).Result;
        Assert.Equal("in time", result.Response?.Text);
        Assert.Equal([ModelCallOutcome.Timeout, ModelCallOutcome.Ok], result.Calls.Select(c => c.Outcome));
        Assert.Null(result.PartialText);
    }

    [Fact]
    public async Task An_open_circuit_completes_at_once_without_a_request()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Status(500).Status(500).Stream(new FakeStep.Stream("should not be asked"));
        var model = sut.Model(o =>
        {
            o.MaxRetries = 0;
            o.CircuitMinimumThroughput = 2;
            o.CircuitBreakDuration = TimeSpan.FromSeconds(30);
        });

        await ModelTestKit.CollectAsync(model.StreamAsync(ModelTestKit.Ask("one"), Ct), Ct);
        await ModelTestKit.CollectAsync(model.StreamAsync(ModelTestKit.Ask("two"), Ct), Ct);
        var updates = await ModelTestKit.CollectAsync(model.StreamAsync(ModelTestKit.Ask("three"), Ct), Ct);

        var completed = Assert.IsType<ModelStreamCompleted>(Assert.Single(updates));
        var log = Assert.Single(completed.Result.Calls);
        Assert.Equal(ModelCallOutcome.CircuitOpen, log.Outcome);
        Assert.Equal("three", log.RequestPayload["messages"]![1]!["content"]!.GetValue<string>());
        Assert.Equal(2, sut.Server.RequestCount);
    }

    [Fact]
    public async Task A_client_error_ends_the_stream_with_one_failed_row_and_no_text()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        var echo = new JsonObject { ["error"] = new JsonObject { ["message"] = $"Incorrect API key provided: {ModelTestKit.ApiKey}" } }.ToJsonString();
        sut.Server.Status(401, body: echo);

        var updates = await ModelTestKit.CollectAsync(sut.Model().StreamAsync(ModelTestKit.Ask("hi"), Ct), Ct);

        var result = Assert.IsType<ModelStreamCompleted>(Assert.Single(updates)).Result;
        Assert.Equal(ModelCallOutcome.Http(401), Assert.Single(result.Calls).Outcome);
        Assert.Null(result.PartialText);
        Assert.DoesNotContain(ModelTestKit.ApiKey, JsonSerializer.Serialize(result.Calls) + string.Join('\n', sut.Logger.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_during_a_stream_propagates()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Stream(new FakeStep.Stream("one two") { StallAfterChunks = 1 });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in sut.Model().StreamAsync(ModelTestKit.Ask("hi"), cancel.Token))
            {
                // Cancel once text has arrived, while the fake stalls.
                await cancel.CancelAsync();
            }
        });
    }

    [Fact]
    public async Task With_tools_the_stream_runs_the_tool_loop_and_delivers_its_answer()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.ToolCalls(new FakeToolCall("opening_hours", "{}")).Reply("Open at nine.");
        var tool = ModelTestKit.Tool("opening_hours", (_, _) => Task.FromResult("09:00"));

        var updates = await ModelTestKit.CollectAsync(sut.Model().StreamAsync(ModelTestKit.AskWithTools("hours?", null, tool), Ct), Ct);

        Assert.Equal("Open at nine.", Assert.IsType<ModelTextDelta>(updates[0]).Text);
        var result = Assert.IsType<ModelStreamCompleted>(updates[^1]).Result;
        Assert.Single(result.ToolCalls);
        Assert.Equal(2, result.Calls.Count);
    }
}
