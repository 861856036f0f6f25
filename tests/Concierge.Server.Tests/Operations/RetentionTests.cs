using Concierge.Jobs;
using Concierge.Lifecycle;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Storage;
using Concierge.Storage.Lifecycle;
using Concierge.Testing.FakeOpenAi;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Operations;

/// <summary>Retention as settings and recurring jobs: old messages and model-call payloads, old analytics rows; new ones untouched.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private FakeOpenAiServer _model = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _model = await FakeOpenAiServer.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task The_retention_jobs_remove_what_is_older_than_its_period_and_keep_the_rest(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-retention-0123456789",
            ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
            ["RETENTION_DAYS"] = "30",
            ["ANALYTICS_RETENTION_DAYS"] = "90",
            ["Concierge:Jobs:PollInterval"] = "00:01:00",
        });
        var client = app.OperatorClient();
        var old = await client.NewChatSessionAsync();
        var recent = await client.NewChatSessionAsync();
        _model.Reply("Old answer.", promptTokens: 1000, completionTokens: 10);
        await client.PostJsonAsync($"/api/v1/sessions/{old}/messages", new { message = "An old question" });
        _model.Reply("New answer.", promptTokens: 1000, completionTokens: 10);
        await client.PostJsonAsync($"/api/v1/sessions/{recent}/messages", new { message = "A new question" });
        var db = app.Services.GetRequiredService<Database>();
        var longAgo = db.Time(DateTimeOffset.UtcNow.AddDays(-100));
        await using (var connection = await db.OpenAsync(Ct))
        {
            var id = db.Id(Guid.Parse(old));
            await connection.ExecuteAsync("UPDATE messages SET created_at = @longAgo WHERE session_id = @id", new { longAgo, id });
            await connection.ExecuteAsync("UPDATE model_calls SET started_at = @longAgo WHERE session_id = @id", new { longAgo, id });
            await connection.ExecuteAsync("UPDATE events SET created_at = @longAgo WHERE session_id = @id", new { longAgo, id });
            await connection.ExecuteAsync("UPDATE model_usage SET started_at = @longAgo WHERE session_id = @id", new { longAgo, id });
        }

        var handlers = app.Services.GetServices<IJobHandler>().ToList();
        foreach (var kindName in new[] { RetentionOptions.MessagesKind, RetentionOptions.AnalyticsKind })
        {
            await handlers.Single(h => h.Kind == kindName).HandleAsync(new JobContext(Guid.NewGuid(), JobKinds.SystemTenantId, null, kindName, [], 1, DateTimeOffset.UtcNow), Ct);
        }

        await using var check = await db.OpenAsync(Ct);
        long Count(string sql, string session) => check.ExecuteScalar<long>(sql, new { id = db.Id(Guid.Parse(session)) });
        Assert.Equal(0, Count("SELECT COUNT(*) FROM messages WHERE session_id = @id", old));
        Assert.Equal(2, Count("SELECT COUNT(*) FROM messages WHERE session_id = @id", recent));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM model_calls WHERE session_id = @id AND response_payload IS NULL AND cost IS NOT NULL", old));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM model_calls WHERE session_id = @id AND response_payload IS NOT NULL", recent));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM events WHERE session_id = @id", old));
        Assert.True(Count("SELECT COUNT(*) FROM events WHERE session_id = @id", recent) > 0);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM model_usage WHERE session_id = @id", old));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM model_usage WHERE session_id = @id", recent));
        var schedules = app.Services.GetServices<RecurringJob>().Select(s => s.Kind).ToList();
        Assert.Contains(RetentionOptions.MessagesKind, schedules);
        Assert.Contains(RetentionOptions.AnalyticsKind, schedules);
    }

    [Fact]
    public async Task By_default_messages_are_kept_and_analytics_are_kept_400_days()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        var options = app.Services.GetRequiredService<RetentionOptions>();
        var schedules = app.Services.GetServices<RecurringJob>().Select(s => s.Kind).ToList();

        Assert.Null(options.Days);
        Assert.Equal(400, options.AnalyticsDays);
        Assert.DoesNotContain(RetentionOptions.MessagesKind, schedules);
        Assert.Contains(RetentionOptions.AnalyticsKind, schedules);
    }

    [Fact]
    public void A_feature_registers_its_own_analytics_table_and_only_plain_names_pass()
    {
        var table = new RetainedTable("router_events", "created_at");

        Assert.Equal("router_events", table.Table);
        Assert.Throws<ArgumentException>(() => new RetainedTable("events; DROP TABLE users", "created_at"));
        Assert.Throws<ArgumentException>(() => new RetainedTable("events", "created_at OR 1=1"));
    }

    [Theory]
    [InlineData("RETENTION_DAYS", "forever")]
    [InlineData("RETENTION_DAYS", "-1")]
    [InlineData("RETENTION_DAYS", "1.5")]
    [InlineData("ANALYTICS_RETENTION_DAYS", "99999999999")]
    public void A_bad_retention_setting_stops_the_start_naming_it(string name, string value)
    {
        var configuration = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [name] = value }));

        var error = Assert.Throws<Concierge.Configuration.InvalidSettingException>(() => RetentionOptions.Bind(configuration));

        Assert.Contains(name, error.Message);
    }
}
