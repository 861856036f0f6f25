using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// kill -9 of a server under load, then a restart on the same database: every turn the server
/// acknowledged (200) is in the history, and every FINAL template it acknowledged is in the list.
/// </summary>
public sealed class CrashTests
{
    // A template is one row per (name, language), so every conversation asks for another pair:
    // a FINAL that was lost cannot hide behind a later one with the same name.
    private static readonly string[] Purposes =
        ["order shipped", "delivery update", "order confirmation", "appointment reminder", "booking confirmation", "payment reminder", "receipt", "order update"];

    private static readonly string[] Languages = ["English", "Spanish", "Portuguese", "French"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Turns_and_final_templates_acknowledged_before_a_kill_9_are_there_after_the_restart(DatabaseKind kind)
    {
        var url = await TestDatabase.CreateAsync(kind);
        var acknowledged = new ConcurrentBag<(string Session, string Message)>();
        var finals = new ConcurrentBag<string>();
        var next = new Counter();
        using (var server = await ServerProcess.StartReadyAsync(url))
        {
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 6).Select(c => Task.Run(() => ConverseAsync(server.Http, next, acknowledged, finals, stop.Token))).ToList();

            // Kill in the middle of the traffic, once some templates are final.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (finals.Count < 6 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, Ct);
            }

            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        Assert.NotEmpty(finals);
        using var restarted = await ServerProcess.StartReadyAsync(url);
        foreach (var group in acknowledged.GroupBy(a => a.Session))
        {
            var history = await restarted.Http.GetFromJsonAsync<JsonObject>($"/session/{group.Key}", Ct);
            var stored = history!["messages"]!.AsArray().Where(m => (string?)m!["role"] == "user").Select(m => (string)m!["content"]!).ToList();
            Assert.All(group, a => Assert.Contains(a.Message, stored));
        }

        using var operatorClient = restarted.OperatorClient();
        var templates = await operatorClient.GetFromJsonAsync<JsonObject>("/api/v1/templates", Ct);
        var names = templates!["templates"]!.AsArray().Select(t => $"{t!["name"]}/{t["language"]}").ToHashSet();
        Assert.All(finals, name => Assert.Contains(name, names));
    }

    /// <summary>One client: template conversations one after another, each to FINAL in one message (or with an acceptance).</summary>
    private static async Task ConverseAsync(
        HttpClient http, Counter next, ConcurrentBag<(string, string)> acknowledged, ConcurrentBag<string> finals, CancellationToken stop)
    {
        for (var n = next.Next(); n < Purposes.Length * Languages.Length && !stop.IsCancellationRequested; n = next.Next())
        {
            try
            {
                var session = (await http.GetFromJsonAsync<JsonObject>("/session/new", stop))!["session_id"]!.GetValue<string>();
                var request = $"Utility template in {Languages[n % Languages.Length]} for {Purposes[n / Languages.Length]}, no header, no footer, no buttons";
                foreach (var message in new[] { request, "yes, finalize it" })
                {
                    using var response = await http.PostAsJsonAsync("/chat", new { message, session_id = session }, stop);
                    if (!response.IsSuccessStatusCode)
                    {
                        break;
                    }

                    var body = (await response.Content.ReadFromJsonAsync<JsonObject>(stop))!;
                    acknowledged.Add((session, message));
                    if ((string?)body["action"] == "FINAL" && body["final_creation_payload"] is { } payload)
                    {
                        finals.Add($"{payload["name"]}/{payload["language"]}");
                        break;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                // The server is gone: what it acknowledged is recorded, the rest is not ours to check.
                return;
            }
        }
    }

    private sealed class Counter
    {
        private int _value = -1;

        public int Next() => Interlocked.Increment(ref _value);
    }
}
