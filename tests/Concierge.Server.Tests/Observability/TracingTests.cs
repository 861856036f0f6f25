using System.Net;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeOpenAi;
using Concierge.Testing.FakeOtlp;

namespace Concierge.Server.Tests.Observability;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, a turn is one trace at a (fake) collector speaking OTLP/HTTP:
/// the HTTP request, the turn, its database work, the model call, and the job it caused, linked.
/// </summary>
public sealed class TracingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_turn_is_one_trace_with_the_request_turn_database_and_model_spans_and_its_job_linked(DatabaseKind kind)
    {
        await using var collector = await FakeOtlpServer.StartAsync(Ct);
        await using var model = await FakeOpenAiServer.StartAsync(Ct);
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind), new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString(),
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OPENAI_API_KEY"] = "sk-test-traces",
            ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
        });
        var client = app.OperatorClient();
        // A booking agent's turn asks for an emotion record: the job whose trace links back to it.
        var session = (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = "hibachi", customer_id = "trace-customer" }))["id"]!;
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var turn = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{session}/messages") { Content = Json.Body(new JsonObject { ["message"] = "Can I book a hibachi dinner for four?" }.ToJsonString()) };
        turn.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        using (var answer = await client.SendAsync(turn, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        var job = await WaitForAsync(collector, s => s.Name == "job emotion.detect" && s.Links.Any(l => l.TraceId == traceId));
        var trace = collector.Spans.Where(s => s.TraceId == traceId).ToList();
        var server = Assert.Single(trace, s => s.Name == "POST /api/v1/sessions/{id}/messages");
        var turnSpan = Assert.Single(trace, s => s.Name == "turn");
        var chats = trace.Where(s => s.Name.StartsWith("chat ", StringComparison.Ordinal)).ToList();

        Assert.Equal("00f067aa0ba902b7", server.ParentSpanId);
        Assert.Equal(server.SpanId, turnSpan.ParentSpanId);
        Assert.NotEmpty(chats);
        Assert.All(chats, chat => Assert.True(IsUnder(chat, turnSpan, trace), "the model calls are inside the turn"));
        Assert.Contains(trace, s => s.Name == "db.transaction" && IsUnder(s, turnSpan, trace));
        if (kind == DatabaseKind.Postgres)
        {
            Assert.Contains(trace, s => s.Scope == "Npgsql" && IsUnder(s, turnSpan, trace));
        }

        Assert.NotEqual(traceId, job.TraceId);
        Assert.Contains(job.Links, l => l.TraceId == traceId && trace.Any(s => s.SpanId == l.SpanId));
    }

    private static bool IsUnder(ReceivedSpan span, ReceivedSpan ancestor, List<ReceivedSpan> trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<ReceivedSpan> WaitForAsync(FakeOtlpServer collector, Func<ReceivedSpan, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (collector.Spans.FirstOrDefault(match) is { } span)
            {
                return span;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail($"No such span among {collector.Spans.Count} ({collector.Requests} exports): {string.Join(", ", collector.Spans.Select(s => s.Scope + "/" + s.Name).Distinct())}");
        return null!;
    }
}
