using System.Net;
using Concierge.Agents;
using Concierge.Channels;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Tenants;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Server.Tests.Observability;

/// <summary>
/// GET /metrics after real traffic: the series the operations issue asks for, with their labels,
/// in the Prometheus text format; and who may scrape. The meters are process-wide, so other tests'
/// turns add to the same series: the checks are "at least", on labels only this test produces where it matters.
/// </summary>
public sealed class MetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_scrape_after_turns_has_the_http_turn_model_crisis_job_limit_and_delivery_series(DatabaseKind kind)
    {
        await using var model = await FakeOpenAiServer.StartAsync(Ct);
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-metrics",
            ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
            ["OPENAI_MODEL"] = "gpt-4o-mini",
            ["Concierge:Metrics:JobQueueInterval"] = "200ms",
        });
        var client = app.OperatorClient();
        model.Reply("Concierge is a conversational backend.", promptTokens: 42, completionTokens: 7);
        var session = await client.NewChatSessionAsync();
        await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "What is Concierge?" });
        await client.PostJsonAsync("/chat", new { message = "I want to kill myself" });
        // A booking agent's message asks for an emotion record (the job the queue series count).
        await client.PostJsonAsync("/api/ai/chat", new { message = "Can I book a hibachi dinner?", customer_id = "metrics-customer" });
        var login = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var form = new FormUrlEncodedContent([new("username", "metrics-nobody@example.com"), new("password", "wrong password")]);
            using var answer = await login.PostAsync("/api/v1/login/access-token", form, Ct);
            statuses.Add(answer.StatusCode);
        }

        ChannelTelemetry.RecordDelivery("whatsapp", "delivered");

        // The worker runs the turns' emotion.detect jobs, and the queue monitor counts them.
        var samples = await ScrapeUntilAsync(client, s => s.Any("concierge_jobs", ("kind", "emotion.detect")) && s.Any("concierge_jobs_processed_total", ("kind", "emotion.detect")));

        var demo = DemoTenant.TenantId.ToString();
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        // The HTTP series are checked on a built server (below): in this test process every in-process
        // app's requests reach one meter listener, and a whole-suite run fills the exporter's
        // per-metric cardinality limit, so a late test's routes may be dropped here.
        Assert.True(samples.Sum("concierge_turns_total", ("agent", "assistant"), ("skill", "chat"), ("source", "model")) >= 1);
        Assert.True(samples.Sum("concierge_turns_total", ("agent", "demo"), ("source", "safety"), ("action", "CRISIS")) >= 1);
        Assert.True(samples.Sum("concierge_turn_duration_seconds_count", ("agent", "assistant")) >= 1);
        Assert.True(samples.Sum("concierge_crisis_detections_total", ("agent", "demo")) >= 1);
        Assert.True(samples.Sum("concierge_model_calls_total", ("model", "gpt-4o-mini"), ("provider", "openai-compatible"), ("outcome", "ok")) >= 1, Describe(samples, "concierge_model"));
        Assert.True(samples.Sum("concierge_model_duration_seconds_count", ("model", "gpt-4o-mini")) >= 1);
        Assert.True(samples.Sum("concierge_model_tokens_total", ("model", "gpt-4o-mini"), ("direction", "input"), ("tenant", demo)) >= 42);
        Assert.True(samples.Sum("concierge_model_tokens_total", ("model", "gpt-4o-mini"), ("direction", "output"), ("tenant", demo)) >= 7);
        Assert.True(samples.Sum("concierge_model_cost_USD_total", ("model", "gpt-4o-mini"), ("tenant", demo)) > 0);
        Assert.True(samples.Sum("concierge_rate_limit_rejections_total", ("limit", "login_lockout")) >= 1);
        Assert.True(samples.Sum("concierge_channel_deliveries_total", ("channel", "whatsapp"), ("state", "delivered")) >= 1);
        Assert.True(samples.Any("concierge_jobs_queue_lag_seconds", ("kind", "emotion.detect")));
        Assert.True(samples.Any("concierge_jobs_lag_seconds_count", ("kind", "emotion.detect")));
        Assert.True(samples.Any("dotnet_gc_collections_total"));
        if (kind == DatabaseKind.Sqlite)
        {
            // SQLite's own allocator, outside the managed heap (the soak reads it beside RSS).
            Assert.True(samples.Sum("concierge_db_sqlite_memory_used_bytes") > 0, Describe(samples, "concierge_db"));
        }

        if (kind == DatabaseKind.Postgres)
        {
            Assert.True(samples.Any("db_client_connections_usage", ("state", "idle")) || samples.Any("db_client_connection_count", ("db_client_connection_state", "idle")), Describe(samples, "db_client"));
        }
    }

    [Fact]
    public async Task Metrics_refuse_an_anonymous_caller_and_a_customer_but_answer_an_operator_key()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        // The in-process test server has no client address, so only credentials count here.
        using var anonymous = await app.Client().GetAsync("/metrics", Ct);
        using var customer = await app.ClientAs(Role.Customer).GetAsync("/metrics", Ct);
        var (_, operatorKey) = await app.ApiKeyClientAsync(Role.Operator);
        using var scraped = await operatorKey.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, customer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.StartsWith("text/plain", scraped.Content.Headers.ContentType?.ToString());
        Assert.Contains("target_info{", await scraped.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_built_server_lets_loopback_scrape_by_default_and_only_the_configured_networks_otherwise()
    {
        using var open = await ServerProcess.StartReadyAsync(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        using var closed = await ServerProcess.StartReadyAsync(
            await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string> { ["METRICS_ALLOWED_IPS"] = "203.0.113.0/24, 2001:db8::1" });

        using var fromLoopback = await open.Http.GetAsync("/metrics", Ct);
        using var refused = await closed.Http.GetAsync("/metrics", Ct);
        using var spoofed = await closed.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.7" } } }, Ct);
        using var withOperator = await closed.OperatorClient().GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.OK, fromLoopback.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await fromLoopback.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, spoofed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withOperator.StatusCode);
    }

    private static string Describe(IReadOnlyList<PrometheusSample> samples, string prefix) =>
        string.Join("\n", samples.Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(s => $"{s.Name}{{{string.Join(',', s.Labels.Select(l => $"{l.Key}={l.Value}"))}}} {s.Value}"));

    private static async Task<IReadOnlyList<PrometheusSample>> ScrapeUntilAsync(HttpClient client, Func<IReadOnlyList<PrometheusSample>, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await client.GetAsync("/metrics", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var samples = PrometheusText.Parse(await response.Content.ReadAsStringAsync(Ct));
            if (ready(samples) || DateTime.UtcNow > deadline)
            {
                return samples;
            }

            await Task.Delay(100, Ct);
        }
    }
}
