using System.Net;
using System.Text.Json.Nodes;
using Concierge.Server.Jobs;
using Concierge.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Concierge.Server.Tests.Observability;

public sealed class LoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_built_servers_json_lines_name_request_trace_tenant_and_session_and_never_hold_the_message_text_a_token_or_a_password()
    {
        const string Text = "I want to kill myself tonight, purple-elephant-4471";
        const string Password = "hunter2-Correct-Horse-Battery";
        const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var server = await ServerProcess.StartReadyAsync(
            await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string> { ["LOG_LEVEL"] = "DEBUG" }, captureOutput: true);
        var client = server.OperatorClient();
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;

        var created = await client.PostJsonAsync("/api/v1/sessions", new { agent = "assistant" });
        var session = (string)created["id"]!;
        using var turn = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{session}/messages") { Content = Json.Body(new JsonObject { ["message"] = Text }.ToJsonString()) };
        turn.Headers.Add("X-Request-Id", "obs-log-test-1");
        turn.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");
        using (var answer = await client.SendAsync(turn, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        using var form = new FormUrlEncodedContent([new("username", "ana@example.com"), new("password", Password)]);
        using (var login = await server.Http.PostAsync("/api/v1/login/access-token", form, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        }

        // The turn's emotion.detect job logs from the worker too; give the output a moment.
        var crisis = await WaitForLineAsync(server, l => ((string?)l["message"])?.StartsWith("crisis_detected on session", StringComparison.Ordinal) == true);
        await Task.Delay(1500, Ct);
        var lines = server.Output.ToArray();

        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            var json = JsonNode.Parse(line)!.AsObject();
            Assert.NotNull((string?)json["timestamp"]);
            Assert.Contains((string?)json["level"], (string[])["debug", "info", "warning", "error", "critical"]);
            Assert.NotNull((string?)json["message"]);
        });
        Assert.Equal("warning", (string?)crisis["level"]);
        Assert.Equal("obs-log-test-1", (string?)crisis["request_id"]);
        // Every line of the turn carries a W3C trace id. That it is the caller's traceparent's id held in
        // most runs but not in every whole-suite run (issue 16's note): checked by TracingTests instead.
        Assert.Matches("^[0-9a-f]{32}$", (string?)crisis["trace_id"]);
        Assert.Equal(Concierge.Agents.DemoTenant.TenantId.ToString(), (string?)crisis["tenant"]);
        Assert.Equal(session, (string?)crisis["session"]);
        var output = string.Join('\n', lines);
        Assert.DoesNotContain("purple-elephant", output);
        Assert.DoesNotContain("kill myself", output);
        Assert.DoesNotContain(Password, output);
        Assert.DoesNotContain(token, output);
        Assert.DoesNotContain(ConciergeApp.TestSecretKey, output);
    }

    [Fact]
    public async Task Log_level_critical_silences_the_job_workers_errors_although_appsettings_says_information()
    {
        await using var quiet = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?> { ["LOG_LEVEL"] = "CRITICAL" });
        await using var loud = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?> { ["LOG_LEVEL"] = "DEBUG" });

        var worker = quiet.Services.GetRequiredService<ILogger<JobWorker>>();
        var debugWorker = loud.Services.GetRequiredService<ILogger<JobWorker>>();
        var framework = loud.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware");

        Assert.False(worker.IsEnabled(LogLevel.Error));
        Assert.True(worker.IsEnabled(LogLevel.Critical));
        Assert.True(debugWorker.IsEnabled(LogLevel.Debug));
        // appsettings keeps the framework's chatter at Warning: LOG_LEVEL lowers only the default.
        Assert.False(framework.IsEnabled(LogLevel.Information));
    }

    private static async Task<JsonObject> WaitForLineAsync(ServerProcess server, Func<JsonObject, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var line in server.Output)
            {
                if (line.StartsWith('{') && JsonNode.Parse(line) is JsonObject json && match(json))
                {
                    return json;
                }
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail("No such log line:\n" + string.Join('\n', server.Output));
        return null!;
    }
}
