using Concierge.Server.Router;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Storage;
using Concierge.Shops;
using Concierge.Storage;
using Concierge.Storage.Shops;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concierge.Server.Tests.Router;

/// <summary>The search analytics are written off the request path, in batches, and never lost at a shutdown.</summary>
public sealed class RouterAnalyticsQueueTests
{
    private const string Search = """{"latitude":40.7246,"longitude":-74.0019,"radius_miles":5}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Searches_answer_while_the_analytics_write_is_blocked_and_are_counted_once_it_is_free(DatabaseKind kind)
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(kind));
        var client = app.FromIp("192.0.2.20");
        await RouterTestKit.SearchAsync(client, Search);
        await app.OperatorClient().GetJsonAsync("/api/v1/analytics/router/usage?days=1");

        var release = new TaskCompletionSource();
        var locked = new TaskCompletionSource();
        var holder = Task.Run(() => LockSearchResultsAsync(app.Services.GetRequiredService<Database>(), locked, release.Task), Ct);
        await locked.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        for (var i = 0; i < 5; i++)
        {
            // Answered while the write waits: a reply never waits for its analytics.
            var found = await RouterTestKit.SearchAsync(client, Search).WaitAsync(TimeSpan.FromSeconds(20), Ct);
            Assert.Equal(5, (int)found["count"]!);
        }

        var blocked = await CountAsync(app, "router_search_results");
        release.SetResult();
        await holder;
        var usage = await app.OperatorClient().GetJsonAsync("/api/v1/analytics/router/usage?days=1");

        Assert.Equal(5, blocked);
        Assert.Equal(6, (int)usage["totals"]!["searches"]!);
        Assert.Equal(30, await CountAsync(app, "router_search_results"));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_shutdown_writes_the_searches_still_queued(DatabaseKind kind)
    {
        var url = await TestDatabase.CreateAsync(kind);
        var app = RouterTestKit.App(url, settings: new() { [RouterSetup.FlushIntervalKey] = "1h" });
        var client = app.FromIp("192.0.2.21");
        for (var i = 0; i < 7; i++)
        {
            await RouterTestKit.SearchAsync(client, Search);
        }

        var queued = app.Services.GetRequiredService<RouterAnalyticsQueue>().Pending;
        await app.DisposeAsync();
        await using var restarted = RouterTestKit.App(url);
        var usage = await restarted.OperatorClient().GetJsonAsync("/api/v1/analytics/router/usage?days=1");

        Assert.Equal(7, queued);
        Assert.Equal(7, (int)usage["totals"]!["searches"]!);
    }

    [Fact]
    public async Task A_full_queue_drops_new_searches_and_keeps_the_queued_ones()
    {
        await using var harness = await StorageHarness.CreateAsync(DatabaseKind.Sqlite);
        var store = harness.Services.GetRequiredService<SqlRouterAnalytics>();
        await using var queue = new RouterAnalyticsQueue(store, NullLogger<RouterAnalyticsQueue>.Instance, capacity: 2);
        var now = DateTimeOffset.UtcNow;
        RouterSearch At(int minutes) => new(Guid.CreateVersion7(), new GeoPoint(40.72, -74), 8, null, [], now.AddMinutes(-minutes));

        for (var i = 0; i < 3; i++)
        {
            await queue.RecordSearchAsync(StorageHarness.OtherTenantId, At(i), Ct);
        }

        var days = await queue.DaysAsync(StorageHarness.OtherTenantId, now.AddDays(-1), Ct);

        Assert.Equal(1, queue.Dropped);
        Assert.Equal(2, days.Sum(d => d.Searches));
        Assert.Equal(0, queue.Pending);
    }

    /// <summary>Holds a write lock that the analytics flush needs (SQLite: the writer; PostgreSQL: the results table) until released.</summary>
    private static async Task LockSearchResultsAsync(Database database, TaskCompletionSource locked, Task release)
    {
        await database.WriteAsync(
            async (connection, transaction) =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    await connection.ExecuteAsync("LOCK TABLE router_search_results IN EXCLUSIVE MODE", transaction: transaction);
                }

                locked.SetResult();
                await release;
            },
            CancellationToken.None);
    }

    private static async Task<int> CountAsync(ConciergeApp app, string table)
    {
        await using var connection = await app.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {table}");
    }
}
