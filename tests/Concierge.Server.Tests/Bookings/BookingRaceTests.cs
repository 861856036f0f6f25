using System.Net;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Bookings;

/// <summary>
/// No double booking, ever: a hundred customers at once for the last seat get one booking between
/// them, on SQLite (one process) and on PostgreSQL with two server processes sharing the database.
/// </summary>
public sealed class BookingRaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hundred_concurrent_requests_for_the_last_seat_on_SQLite_give_one_201_and_99_slot_full()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        await BookingSetup.ServiceAsync(client, capacity: 1, maxParty: 1);

        var statuses = await RaceAsync([client], 100);

        AssertOneWinner(statuses);
        Assert.Single((await client.GetJsonAsync("/api/v1/bookings"))["bookings"]!.AsArray());
    }

    [Fact]
    public async Task A_hundred_concurrent_requests_for_the_last_seat_across_two_PostgreSQL_server_processes_give_one_201_and_99_slot_full()
    {
        var url = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        using var first = await ServerProcess.StartReadyAsync(url);
        using var second = await ServerProcess.StartReadyAsync(url);
        using var firstClient = first.OperatorClient();
        using var secondClient = second.OperatorClient();
        await BookingSetup.ServiceAsync(firstClient, capacity: 1, maxParty: 1);

        var statuses = await RaceAsync([firstClient, secondClient], 100);

        AssertOneWinner(statuses);
        Assert.Single((await secondClient.GetJsonAsync("/api/v1/bookings"))["bookings"]!.AsArray());
    }

    private static async Task<List<(HttpStatusCode Status, string? Code)>> RaceAsync(HttpClient[] clients, int count)
    {
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait(Ct);
            using var response = await clients[i % clients.Length].PostAsync(
                "/api/v1/bookings",
                Json.Body($$"""{"service":"dinner","start":"{{BookingSetup.Tomorrow}}T18:00","party_size":1,"name":"Guest {{i}}","contact":"guest{{i}}@example.com"}"""),
                Ct);
            var code = response.StatusCode == HttpStatusCode.Created ? null : (string?)(await response.ReadObjectAsync())["code"];
            return (response.StatusCode, code);
        })).ToList();
        start.Set();
        return [.. await Task.WhenAll(tasks)];
    }

    private static void AssertOneWinner(List<(HttpStatusCode Status, string? Code)> statuses)
    {
        Assert.Single(statuses, s => s.Status == HttpStatusCode.Created);
        Assert.Equal(99, statuses.Count(s => s.Status == HttpStatusCode.Conflict && s.Code == "slot_full"));
    }
}
