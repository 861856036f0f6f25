using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Models;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Tests.Models;

/// <summary>The OpenAI-compatible model through the real SDK against a fake server over real HTTP.</summary>
public sealed class OpenAiCompatibleModelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_successful_call_returns_the_text_with_usage_tokens_and_cost()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Reply("The pool opens at seven.", promptTokens: 1000, completionTokens: 500);

        var result = await sut.Model().CompleteAsync(ModelTestKit.Ask("When does the pool open?"), Ct);

        Assert.NotNull(result.Response);
        Assert.Equal("The pool opens at seven.", result.Response.Text);
        Assert.Equal(1000, result.Response.InputTokens);
        Assert.Equal(500, result.Response.OutputTokens);
        Assert.Equal("stop", result.Response.FinishReason);

        var log = Assert.Single(result.Calls);
        Assert.Equal(ModelCallOutcome.Ok, log.Outcome);
        Assert.Null(log.Error);
        Assert.Equal("openai-compatible", log.Provider);
        Assert.Equal("gpt-4o-mini", log.Model);
        Assert.Equal(1000, log.InputTokens);
        Assert.Equal(500, log.OutputTokens);
        Assert.Equal((1000 * 0.15m / 1_000_000m) + (500 * 0.60m / 1_000_000m), log.Cost);

        // The stored request is the body that reached the server, and the response the raw answer.
        Assert.True(JsonNode.DeepEquals(sut.Server.Requests[0].Body, log.RequestPayload));
        Assert.Equal("When does the pool open?", log.RequestPayload["messages"]![1]!["content"]!.GetValue<string>());
        Assert.Equal(1000, log.ResponsePayload!["usage"]!["prompt_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_model_without_a_price_has_no_cost()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Reply("Hi", 10, 2);

        var result = await sut.Model(o => o.Model = "llama3.1:8b").CompleteAsync(ModelTestKit.Ask("Hi"), Ct);

        var log = Assert.Single(result.Calls);
        Assert.Equal(10, log.InputTokens);
        Assert.Null(log.Cost);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_retry_after_header_and_then_succeeds()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Status(429, retryAfterSeconds: 1).Reply("Done.");

        var result = await sut.Model().CompleteAsync(ModelTestKit.Ask("Book a table"), Ct);

        Assert.Equal("Done.", result.Response?.Text);
        Assert.Equal([ModelCallOutcome.Http(429), ModelCallOutcome.Ok], result.Calls.Select(c => c.Outcome));
        var requests = sut.Server.Requests;
        Assert.Equal(2, requests.Count);

        // The base backoff is 10 ms, so only Retry-After explains a wait of about a second.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task A_server_error_is_retried_max_retries_times_then_the_call_gives_up()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Status(500).Status(502).Status(503).Reply("too late");

        var result = await sut.Model().CompleteAsync(ModelTestKit.Ask("Hello"), Ct);

        Assert.Null(result.Response);
        Assert.False(result.Succeeded);
        Assert.Equal(["http_500", "http_502", "http_503"], result.Calls.Select(c => c.Outcome));
        Assert.Equal(3, sut.Server.RequestCount);
        Assert.All(result.Calls, c => Assert.NotNull(c.Error));
        Assert.StartsWith("http_503", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Status(400).Reply("never asked for");

        var result = await sut.Model().CompleteAsync(ModelTestKit.Ask("Hello"), Ct);

        Assert.Null(result.Response);
        Assert.Equal(ModelCallOutcome.Http(400), Assert.Single(result.Calls).Outcome);
        Assert.Equal(1, sut.Server.RequestCount);
    }

    [Fact]
    public async Task Malformed_json_is_logged_as_malformed_and_not_retried()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Malformed().Reply("never asked for");

        var result = await sut.Model().CompleteAsync(ModelTestKit.Ask("Hello"), Ct);

        Assert.Null(result.Response);
        var log = Assert.Single(result.Calls);
        Assert.Equal(ModelCallOutcome.Malformed, log.Outcome);
        Assert.Equal(1, sut.Server.RequestCount);

        // A body that is not JSON is kept as a JSON string, so the debug view still shows it.
        Assert.Equal(JsonValueKind.String, log.ResponsePayload!.GetValueKind());
        Assert.Contains("chatcmpl-broken", log.ResponsePayload.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_completion_without_message_content_is_malformed()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.RawJson("""
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":3,"completion_tokens":0,"total_tokens":3}}
            """);

        var result = await sut.Model().CompleteAsync(ModelTestKit.Ask("Hello"), Ct);

        Assert.Null(result.Response);
        Assert.Equal(ModelCallOutcome.Malformed, Assert.Single(result.Calls).Outcome);
    }

    [Fact]
    public async Task An_unknown_finish_reason_from_a_compatible_server_still_yields_the_answer()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Enqueue(new FakeStep.Reply("Bonjour", 5, 1, FinishReason: "eos"));

        var result = await sut.Model().CompleteAsync(ModelTestKit.Ask("Hello"), Ct);

        Assert.Equal("Bonjour", result.Response?.Text);
        Assert.Equal("eos", result.Response?.FinishReason);
        Assert.Equal(5, Assert.Single(result.Calls).InputTokens);
    }

    [Fact]
    public async Task A_hang_past_the_request_timeout_is_a_timeout()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Hang(TimeSpan.FromSeconds(30));
        var model = sut.Model(o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(400);
            o.MaxRetries = 0;
        });

        var clock = Stopwatch.StartNew();
        var result = await model.CompleteAsync(ModelTestKit.Ask("Hello"), Ct);

        Assert.Null(result.Response);
        var log = Assert.Single(result.Calls);
        Assert.Equal(ModelCallOutcome.Timeout, log.Outcome);
        Assert.InRange(log.LatencyMs, 300, 5000);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_timeout_is_retried_and_the_next_attempt_can_succeed()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Hang(TimeSpan.FromSeconds(30)).Reply("Second time lucky.");
        // Long enough that the succeeding attempt never times out on a loaded CI machine.
        var model = sut.Model(o => o.RequestTimeout = TimeSpan.FromSeconds(2));

        var result = await model.CompleteAsync(ModelTestKit.Ask("Hello"), Ct);

        Assert.Equal("Second time lucky.", result.Response?.Text);
        Assert.Equal([ModelCallOutcome.Timeout, ModelCallOutcome.Ok], result.Calls.Select(c => c.Outcome));
    }

    [Fact]
    public async Task An_unreachable_provider_is_a_network_error()
    {
        // A port that was free a moment ago: nothing listens, the connection is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var httpClient = new HttpClient();
        var options = ModelTestKit.Options(new Uri($"http://127.0.0.1:{port}/v1"), o => o.MaxRetries = 1);
        var model = new OpenAiCompatibleModel(options, httpClient, TimeProvider.System, new CapturingLogger<OpenAiCompatibleModel>());

        var result = await model.CompleteAsync(ModelTestKit.Ask("Hello"), Ct);

        Assert.Null(result.Response);
        Assert.Equal([ModelCallOutcome.NetworkError, ModelCallOutcome.NetworkError], result.Calls.Select(c => c.Outcome));
        Assert.Equal("Hello", result.Calls[0].RequestPayload["messages"]![1]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_calls_return_at_once_without_a_request()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Status(500).Status(500).Reply("should not be asked");
        var model = sut.Model(o =>
        {
            o.MaxRetries = 0;
            o.CircuitMinimumThroughput = 2;
            o.CircuitFailureRatio = 0.5;
            o.CircuitBreakDuration = TimeSpan.FromSeconds(30);
        });

        await model.CompleteAsync(ModelTestKit.Ask("one"), Ct);
        await model.CompleteAsync(ModelTestKit.Ask("two"), Ct);
        var clock = Stopwatch.StartNew();
        var result = await model.CompleteAsync(ModelTestKit.Ask("three"), Ct);

        Assert.Null(result.Response);
        var log = Assert.Single(result.Calls);
        Assert.Equal(ModelCallOutcome.CircuitOpen, log.Outcome);
        Assert.Equal("three", log.RequestPayload["messages"]![1]!["content"]!.GetValue<string>());
        Assert.Equal(2, sut.Server.RequestCount);
        Assert.Equal(1, sut.Server.PendingSteps);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task After_the_break_one_probe_goes_through_and_a_success_closes_the_circuit()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Status(500).Status(500).Reply("back").Reply("again");
        var model = sut.Model(o =>
        {
            o.MaxRetries = 0;
            o.CircuitMinimumThroughput = 2;
            o.CircuitBreakDuration = TimeSpan.FromMilliseconds(500);
        });
        await model.CompleteAsync(ModelTestKit.Ask("one"), Ct);
        await model.CompleteAsync(ModelTestKit.Ask("two"), Ct);
        Assert.Equal(ModelCallOutcome.CircuitOpen, (await model.CompleteAsync(ModelTestKit.Ask("three"), Ct)).Calls[0].Outcome);

        await Task.Delay(TimeSpan.FromMilliseconds(700), Ct);

        Assert.Equal("back", (await model.CompleteAsync(ModelTestKit.Ask("four"), Ct)).Response?.Text);
        Assert.Equal("again", (await model.CompleteAsync(ModelTestKit.Ask("five"), Ct)).Response?.Text);
    }

    [Fact]
    public async Task Structured_output_sends_response_format_json_schema_with_the_schema()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Reply("""{"intent":"book"}""");
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["intent"] = new JsonObject { ["type"] = "string" } },
            ["required"] = new JsonArray("intent"),
            ["additionalProperties"] = false,
        };

        var result = await sut.Model().CompleteAsync(ModelTestKit.Ask("I want a table", schema: new ResponseSchema("proposal", schema)), Ct);

        Assert.Equal("""{"intent":"book"}""", result.Response?.Text);
        var format = sut.Server.Requests[0].Body!["response_format"]!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.Equal("proposal", format["json_schema"]!["name"]!.GetValue<string>());
        Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(schema, format["json_schema"]!["schema"]), format.ToJsonString());
    }

    [Fact]
    public async Task The_api_key_reaches_the_server_but_no_log_field_or_log_line()
    {
        await using var sut = await ModelUnderTest.StartAsync();

        // Providers echo the key in auth errors; that must not leak into our logs either.
        var echo = new JsonObject { ["error"] = new JsonObject { ["message"] = $"Incorrect API key provided: {ModelTestKit.ApiKey}" } };
        sut.Server.Status(401, body: echo.ToJsonString()).Reply("ok");
        var model = sut.Model();

        var failed = await model.CompleteAsync(ModelTestKit.Ask("first"), Ct);
        var succeeded = await model.CompleteAsync(ModelTestKit.Ask("second"), Ct);

        Assert.All(sut.Server.Requests, request => Assert.Equal("Bearer " + ModelTestKit.ApiKey, request.Header("Authorization")));
        Assert.Equal(ModelCallOutcome.Http(401), Assert.Single(failed.Calls).Outcome);
        Assert.Equal(ModelCallOutcome.Ok, Assert.Single(succeeded.Calls).Outcome);

        var everything = JsonSerializer.Serialize(failed.Calls.Concat(succeeded.Calls)) + string.Join('\n', sut.Logger.Lines) + failed.FailureReason;
        Assert.DoesNotContain(ModelTestKit.ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ModelTestKit.ApiKey[5..], everything, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Temperature_comes_from_the_options_unless_the_request_overrides_it()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        var model = sut.Model(o => o.Temperature = 0.7);

        await model.CompleteAsync(ModelTestKit.Ask("configured"), Ct);
        await model.CompleteAsync(ModelTestKit.Ask("overridden", temperature: 1.3), Ct);

        var requests = sut.Server.Requests;
        Assert.Equal(0.7, requests[0].Body!["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(1.3, requests[1].Body!["temperature"]!.GetValue<double>(), 3);
    }

    [Fact]
    public async Task Max_output_tokens_and_message_roles_are_sent_as_asked()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        var request = new ModelRequest(
            [
                new ModelMessage(MessageRole.System, "sys"),
                new ModelMessage(MessageRole.User, "u1"),
                new ModelMessage(MessageRole.Assistant, "a1"),
                new ModelMessage(MessageRole.User, "u2"),
            ],
            MaxOutputTokens: 64);

        var result = await sut.Model().CompleteAsync(request, Ct);

        Assert.Equal("Fake answer to: u2", result.Response?.Text);
        var body = sut.Server.Requests[0].Body!;
        Assert.Equal(["system", "user", "assistant", "user"], body["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal(64, (body["max_completion_tokens"] ?? body["max_tokens"])!.GetValue<int>());
        Assert.Equal("gpt-4o-mini", body["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Caller_cancellation_propagates_instead_of_becoming_a_result()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Hang(TimeSpan.FromSeconds(30));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.Model().CompleteAsync(ModelTestKit.Ask("Hello"), cancel.Token));
    }
}
