using System.ClientModel;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Testing.FakeOpenAi;
using OpenAI;
using OpenAI.Chat;

namespace Concierge.Tests.Models;

/// <summary>The fake server speaks the real wire format: checked with the official SDK and raw HTTP.</summary>
public sealed class FakeOpenAiServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_base_url_is_loopback_and_ends_in_v1()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);

        Assert.Equal("127.0.0.1", server.BaseUrl.Host);
        Assert.EndsWith("/v1", server.BaseUrl.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_sends_word_chunks_then_usage_then_done_as_the_sdk_expects()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Reply("one two three", promptTokens: 11, completionTokens: 3);
        var client = new ChatClient("gpt-4o-mini", new ApiKeyCredential("sk-test"), new OpenAIClientOptions { Endpoint = server.BaseUrl });

        var pieces = new List<string>();
        ChatTokenUsage? usage = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("count")], new ChatCompletionOptions(), Ct))
        {
            pieces.AddRange(update.ContentUpdate.Select(part => part.Text));
            usage ??= update.Usage;
        }

        Assert.Equal("one two three", string.Concat(pieces));
        Assert.True(pieces.Count(p => p.Length > 0) >= 3, "one chunk per word");
        Assert.Equal(11, usage?.InputTokenCount);
        Assert.Equal(3, usage?.OutputTokenCount);
        Assert.True(server.Requests[0].Body!["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_raw_stream_ends_with_done()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        using var http = new HttpClient();
        var body = new JsonObject { ["model"] = "m", ["stream"] = true, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "hi" }) };

        using var response = await http.PostAsync(new Uri(server.BaseUrl + "/chat/completions"), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"object\":\"chat.completion.chunk\"", text, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"usage\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_empty_script_the_default_responder_answers_with_its_latency()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.DefaultLatency = TimeSpan.FromMilliseconds(150);
        using var http = new HttpClient();
        var body = new JsonObject { ["model"] = "m", ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Is breakfast included?" }) };

        var started = DateTimeOffset.UtcNow;
        using var response = await http.PostAsJsonAsync(new Uri(server.BaseUrl + "/chat/completions"), body, Ct);
        var completion = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(140));
        Assert.Equal("chat.completion", completion!["object"]!.GetValue<string>());
        Assert.Equal("m", completion["model"]!.GetValue<string>());
        Assert.Equal("Fake answer to: Is breakfast included?", completion["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal("stop", completion["choices"]![0]!["finish_reason"]!.GetValue<string>());
        var usage = completion["usage"]!;
        Assert.Equal(usage["prompt_tokens"]!.GetValue<int>() + usage["completion_tokens"]!.GetValue<int>(), usage["total_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Scripted_steps_are_served_in_order_and_latency_delays_the_next_one()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Status(503, retryAfterSeconds: 2).Latency(TimeSpan.FromMilliseconds(150)).Reply("late");
        using var http = new HttpClient();
        var url = new Uri(server.BaseUrl + "/chat/completions");
        var body = new JsonObject { ["model"] = "m", ["messages"] = new JsonArray() };

        using var first = await http.PostAsJsonAsync(url, body, Ct);
        var started = DateTimeOffset.UtcNow;
        using var second = await http.PostAsJsonAsync(url, body, Ct);

        Assert.Equal(503, (int)first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Headers.RetryAfter?.Delta);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(140));
        Assert.Contains("late", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, server.PendingSteps);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Concurrent_requests_are_all_answered_and_recorded()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        using var http = new HttpClient();
        var url = new Uri(server.BaseUrl + "/chat/completions");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var body = new JsonObject { ["model"] = "m", ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = $"q{i}" }) };
            using var response = await http.PostAsJsonAsync(url, body, Ct);
            return await response.Content.ReadAsStringAsync(Ct);
        }));

        Assert.Equal(50, server.RequestCount);
        Assert.All(Enumerable.Range(0, 50), i => Assert.Contains(responses, r => r.Contains($"Fake answer to: q{i}\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Tool_calls_are_served_as_the_sdk_reads_them()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.ToolCalls(new FakeToolCall("weather", """{"city":"Lima"}""", "call_7"));
        var client = new ChatClient("gpt-4o-mini", new ApiKeyCredential("sk-test"), new OpenAIClientOptions { Endpoint = server.BaseUrl });

        var completion = (await client.CompleteChatAsync([new UserChatMessage("weather?")], new ChatCompletionOptions(), Ct)).Value;

        Assert.Equal(ChatFinishReason.ToolCalls, completion.FinishReason);
        var call = Assert.Single(completion.ToolCalls);
        Assert.Equal(("call_7", "weather", """{"city":"Lima"}"""), (call.Id, call.FunctionName, call.FunctionArguments.ToString()));
    }

    [Fact]
    public async Task A_server_under_a_base_path_answers_there_and_nowhere_else()
    {
        await using var server = await FakeOpenAiServer.StartAsync("/v1beta/openai", Ct);
        using var http = new HttpClient();
        var body = new JsonObject { ["model"] = "m", ["messages"] = new JsonArray() };

        using var there = await http.PostAsJsonAsync(new Uri(server.BaseUrl, "chat/completions"), body, Ct);
        using var elsewhere = await http.PostAsJsonAsync(new Uri(server.BaseUrl, "/v1/chat/completions"), body, Ct);

        Assert.EndsWith("/v1beta/openai/", server.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(200, (int)there.StatusCode);
        Assert.Equal(404, (int)elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_paced_stream_is_cut_after_its_chunks_when_the_test_says_so()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        var cut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Stream(new FakeStep.Stream("a b c d") { CutAfterChunks = 2, HoldBeforeCut = cut.Task, ChunkDelay = TimeSpan.FromMilliseconds(20) });
        var client = new ChatClient("gpt-4o-mini", new ApiKeyCredential("sk-test"), new OpenAIClientOptions { Endpoint = server.BaseUrl });

        var pieces = new List<string>();
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("go")], new ChatCompletionOptions(), Ct))
            {
                pieces.AddRange(update.ContentUpdate.Select(part => part.Text));
                if (string.Concat(pieces) == "a b")
                {
                    cut.SetResult();
                }
            }
        });

        Assert.Equal("a b", string.Concat(pieces));
        Assert.Equal(0, server.StreamsCompleted);
    }
}
