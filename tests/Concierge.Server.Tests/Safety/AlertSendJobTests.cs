using System.Text.Json.Nodes;
using Concierge.Alerts;
using Concierge.Jobs;
using Concierge.Server.Safety;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concierge.Server.Tests.Safety;

/// <summary>The alert.send handler against a real receiver on loopback: what it posts, and which answers retry.</summary>
public sealed class AlertSendJobTests : IAsyncLifetime
{
    private AlertReceiver _receiver = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _receiver = await AlertReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task A_budget_alert_posts_the_alert_records_fields_unsigned_when_no_secret_is_set()
    {
        var tenant = Guid.NewGuid();
        var alert = new Alert("budget.exceeded", "warning", "Tenant over 80% of its monthly budget", tenant, Details: new JsonObject { ["percent"] = 81 });

        await Handler(new AlertSettings(_receiver.Url, null, TimeSpan.FromSeconds(5))).HandleAsync(Context(alert.ToJob(), tenant), Ct);

        var (body, _, headers) = Assert.Single(_receiver.Received);
        Assert.Equal("budget.exceeded", (string?)body["kind"]);
        Assert.Equal(tenant.ToString(), (string?)body["tenant_id"]);
        Assert.Equal(81, (int)body["details"]!["percent"]!);
        Assert.Null(body["session_id"]);
        Assert.False(headers.ContainsKey(AlertSendJob.SignatureHeader));
    }

    [Theory]
    [InlineData(500, false)]
    [InlineData(503, false)]
    [InlineData(429, false)]
    [InlineData(408, false)]
    [InlineData(400, true)]
    [InlineData(404, true)]
    public async Task Server_errors_and_throttling_fail_the_attempt_for_a_retry_other_4xx_are_permanent(int status, bool permanent)
    {
        _receiver.Answer(status);
        var job = new Alert("crisis.detected", "critical", "x", Guid.NewGuid()).ToJob();

        var error = await Record.ExceptionAsync(() => Handler(new AlertSettings(_receiver.Url, "s", TimeSpan.FromSeconds(5))).HandleAsync(Context(job, Guid.NewGuid()), Ct));

        Assert.NotNull(error);
        Assert.Equal(permanent, error is PermanentJobFailure);
    }

    [Fact]
    public async Task Without_a_webhook_url_the_alert_is_only_logged()
    {
        await Handler(new AlertSettings(null, null, TimeSpan.FromSeconds(5))).HandleAsync(Context(new Alert("crisis.detected", "critical", "x", Guid.NewGuid()).ToJob(), Guid.NewGuid()), Ct);

        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_is_a_timeout_not_a_hang()
    {
        await using var silent = await Concierge.Testing.LoopbackServer.StartAsync(_ => Task.Delay(TimeSpan.FromSeconds(20), Ct), Ct);
        var handler = Handler(new AlertSettings(new Uri(silent.Address, "/a"), null, TimeSpan.FromMilliseconds(200)));

        await Assert.ThrowsAsync<TimeoutException>(() => handler.HandleAsync(Context(new Alert("crisis.detected", "critical", "x", Guid.NewGuid()).ToJob(), Guid.NewGuid()), Ct));
    }

    private static AlertSendJob Handler(AlertSettings settings) =>
        new(new SingleClientFactory(), settings, TimeProvider.System, NullLogger<AlertSendJob>.Instance);

    private static JobContext Context(JobRequest job, Guid tenant) => new(Guid.NewGuid(), tenant, job.SessionId, job.Kind, job.Payload, 1, DateTimeOffset.UtcNow);

    private sealed class SingleClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { Timeout = Timeout.InfiniteTimeSpan };
    }
}
