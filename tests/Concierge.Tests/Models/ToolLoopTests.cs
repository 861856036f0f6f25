using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Models;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Tests.Models;

/// <summary>The tool loop through the real SDK against the fake server's tool_calls answers.</summary>
public sealed class ToolLoopTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_tool_call_runs_the_handler_and_its_result_goes_back_as_a_tool_message_with_the_call_id()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.ToolCalls(new FakeToolCall("opening_hours", """{"day":"monday"}""", "call_1")).Reply("Open nine to five.", 40, 6);
        JsonObject? seen = null;
        var tool = ModelTestKit.Tool("opening_hours", (args, _) =>
        {
            seen = args;
            return Task.FromResult("09:00-17:00");
        });

        var result = await sut.Model().CompleteAsync(ModelTestKit.AskWithTools("When do you open on Monday?", null, tool), Ct);

        Assert.Equal("Open nine to five.", result.Response?.Text);
        Assert.Equal("monday", seen?["day"]?.GetValue<string>());
        var record = Assert.Single(result.ToolCalls);
        Assert.Equal(("call_1", "opening_hours", """{"day":"monday"}""", "09:00-17:00"), (record.CallId, record.Name, record.ArgumentsJson, record.Result));
        Assert.Null(record.Error);

        var first = sut.Server.Requests[0].Body!;
        Assert.Equal("opening_hours", first["tools"]![0]!["function"]!["name"]!.GetValue<string>());
        Assert.Equal("object", first["tools"]![0]!["function"]!["parameters"]!["type"]!.GetValue<string>());

        var messages = sut.Server.Requests[1].Body!["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "tool"], messages.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal("call_1", messages[2]!["tool_calls"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("opening_hours", messages[2]!["tool_calls"]![0]!["function"]!["name"]!.GetValue<string>());
        Assert.Equal("call_1", messages[3]!["tool_call_id"]!.GetValue<string>());
        Assert.Equal("09:00-17:00", messages[3]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_model_round_is_a_call_log_row_with_tokens_and_cost_and_the_answer_sums_the_usage()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.Enqueue(new FakeStep.ToolCalls([new FakeToolCall("opening_hours", "{}")], 100, 10)).Reply("Done.", 200, 20);
        var tool = ModelTestKit.Tool("opening_hours", (_, _) => Task.FromResult("always"));

        var result = await sut.Model().CompleteAsync(ModelTestKit.AskWithTools("hours?", null, tool), Ct);

        Assert.Equal([ModelCallOutcome.Ok, ModelCallOutcome.Ok], result.Calls.Select(c => c.Outcome));
        Assert.Equal([100, 200], result.Calls.Select(c => c.InputTokens ?? 0));
        Assert.Equal([10, 20], result.Calls.Select(c => c.OutputTokens ?? 0));
        Assert.All(result.Calls, c => Assert.True(c.Cost > 0));
        Assert.Equal(300, result.Response?.InputTokens);
        Assert.Equal(30, result.Response?.OutputTokens);
        Assert.Equal("tool_calls", result.Calls[0].ResponsePayload!["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_calls_in_one_round_and_another_in_the_next_round_all_run_in_order()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server
            .ToolCalls(new FakeToolCall("opening_hours", """{"day":"monday"}"""), new FakeToolCall("weather", """{"day":"monday"}"""))
            .ToolCalls(new FakeToolCall("weather", """{"day":"tuesday"}"""))
            .Reply("Monday is open and sunny, Tuesday rains.");
        var ran = new List<string>();
        var hours = ModelTestKit.Tool("opening_hours", (args, _) => Task.FromResult(Note(ran, "hours " + args["day"])));
        var weather = ModelTestKit.Tool("weather", (args, _) => Task.FromResult(Note(ran, "weather " + args["day"])));

        var result = await sut.Model().CompleteAsync(ModelTestKit.AskWithTools("plan", null, hours, weather), Ct);

        Assert.Equal("Monday is open and sunny, Tuesday rains.", result.Response?.Text);
        Assert.Equal(["hours monday", "weather monday", "weather tuesday"], ran);
        Assert.Equal(["opening_hours", "weather", "weather"], result.ToolCalls.Select(t => t.Name));
        Assert.Equal(3, result.Calls.Count);
        var last = sut.Server.Requests[2].Body!["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "tool", "tool", "assistant", "tool"], last.Select(m => m!["role"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_handler_exception_becomes_an_error_result_for_the_model_and_the_turn_still_answers()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.ToolCalls(new FakeToolCall("opening_hours", "{}")).Reply("Sorry, I cannot check the hours right now.");
        var tool = ModelTestKit.Tool("opening_hours", (_, _) => throw new InvalidOperationException("database down"));

        var result = await sut.Model().CompleteAsync(ModelTestKit.AskWithTools("hours?", null, tool), Ct);

        Assert.Equal("Sorry, I cannot check the hours right now.", result.Response?.Text);
        var record = Assert.Single(result.ToolCalls);
        Assert.False(record.Succeeded);
        Assert.Contains("database down", record.Error, StringComparison.Ordinal);
        var toolMessage = sut.Server.Requests[1].Body!["messages"]!.AsArray()[^1]!;
        Assert.Equal("tool", toolMessage["role"]!.GetValue<string>());
        Assert.StartsWith("Error: ", toolMessage["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("database down", toolMessage["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_tools_and_arguments_that_are_not_an_object_are_answered_with_errors_without_running_anything()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.ToolCalls(new FakeToolCall("teleport", "{}"), new FakeToolCall("opening_hours", "[1,2]")).Reply("ok");
        var runs = 0;
        var tool = ModelTestKit.Tool("opening_hours", (_, _) => Task.FromResult((++runs).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var result = await sut.Model().CompleteAsync(ModelTestKit.AskWithTools("go", null, tool), Ct);

        Assert.Equal("ok", result.Response?.Text);
        Assert.Equal(0, runs);
        Assert.Contains("Unknown tool 'teleport'", result.ToolCalls[0].Error, StringComparison.Ordinal);
        Assert.Contains("not a JSON object", result.ToolCalls[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_call_limit_is_hit_one_last_call_runs_with_tool_use_switched_off()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server
            .ToolCalls(new FakeToolCall("opening_hours", "{}"))
            .ToolCalls(new FakeToolCall("opening_hours", "{}"), new FakeToolCall("opening_hours", "{}"))
            .Reply("Here is what I found.");
        var runs = 0;
        var tool = ModelTestKit.Tool("opening_hours", (_, _) => Task.FromResult($"run {++runs}"));

        var result = await sut.Model().CompleteAsync(ModelTestKit.AskWithTools("hours?", new ToolLoopLimits { MaxCalls = 2 }, tool), Ct);

        Assert.Equal("Here is what I found.", result.Response?.Text);
        Assert.Equal(2, runs);
        Assert.Equal(3, result.ToolCalls.Count);
        Assert.Contains("limit of 2 tool calls", result.ToolCalls[2].Error, StringComparison.Ordinal);
        Assert.Null(sut.Server.Requests[1].Body!["tool_choice"]);
        Assert.Equal("none", sut.Server.Requests[2].Body!["tool_choice"]!.GetValue<string>());
        Assert.Equal(3, result.Calls.Count);
    }

    [Fact]
    public async Task A_model_that_asks_for_tools_after_the_limit_is_a_provider_failure_with_its_logs()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.ToolCalls(new FakeToolCall("opening_hours", "{}")).ToolCalls(new FakeToolCall("opening_hours", "{}"));
        var tool = ModelTestKit.Tool("opening_hours", (_, _) => Task.FromResult("x"));

        var result = await sut.Model().CompleteAsync(ModelTestKit.AskWithTools("hours?", new ToolLoopLimits { MaxCalls = 1 }, tool), Ct);

        Assert.Null(result.Response);
        Assert.Single(result.ToolCalls);
        Assert.Equal([ModelCallOutcome.Ok, ModelCallOutcome.Malformed], result.Calls.Select(c => c.Outcome));
        Assert.Contains("limit", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_time_limit_cancels_a_slow_handler_and_ends_the_loop_with_a_tool_less_call()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.ToolCalls(new FakeToolCall("opening_hours", "{}")).Reply("I could not check in time.");
        var tool = ModelTestKit.Tool("opening_hours", async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return "never";
        });

        // Long enough for the first call on a loaded machine; the handler would take 30 s.
        var limits = new ToolLoopLimits { MaxDuration = TimeSpan.FromSeconds(2) };
        var result = await sut.Model().CompleteAsync(ModelTestKit.AskWithTools("hours?", limits, tool), Ct);

        Assert.Equal("I could not check in time.", result.Response?.Text);
        Assert.Contains("time limit", Assert.Single(result.ToolCalls).Error, StringComparison.Ordinal);
        Assert.Equal("none", sut.Server.Requests[1].Body!["tool_choice"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_provider_failure_inside_the_loop_returns_no_response_but_the_logs_and_the_tools_run_so_far()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.ToolCalls(new FakeToolCall("opening_hours", "{}")).Status(400);
        var tool = ModelTestKit.Tool("opening_hours", (_, _) => Task.FromResult("x"));

        var result = await sut.Model().CompleteAsync(ModelTestKit.AskWithTools("hours?", null, tool), Ct);

        Assert.Null(result.Response);
        Assert.Single(result.ToolCalls);
        Assert.Equal([ModelCallOutcome.Ok, ModelCallOutcome.Http(400)], result.Calls.Select(c => c.Outcome));
    }

    [Fact]
    public async Task A_stored_tool_message_without_a_call_id_is_still_sent_as_user_text()
    {
        await using var sut = await ModelUnderTest.StartAsync();
        var request = new ModelRequest([new ModelMessage(MessageRole.Tool, "42 rooms free"), new ModelMessage(MessageRole.User, "so?")]);

        await sut.Model().CompleteAsync(request, Ct);

        var first = sut.Server.Requests[0].Body!["messages"]![0]!;
        Assert.Equal("user", first["role"]!.GetValue<string>());
        Assert.Equal("Tool result: 42 rooms free", first["content"]!.GetValue<string>());
    }

    private static string Note(List<string> ran, string what)
    {
        ran.Add(what);
        return what;
    }
}
