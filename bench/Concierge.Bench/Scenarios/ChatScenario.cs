namespace Concierge.Bench.Scenarios;

/// <summary>
/// Scenarios 3 and 4: full chat turns (POST /chat), each virtual user in its own session. Offline
/// (no model configured), on the fake model answering at once, and on the fake model answering
/// after a delay with thousands of conversations in flight at the same time.
/// </summary>
public sealed class ChatScenario(ChatScenario.Mode mode) : Scenario
{
    public enum Mode
    {
        Offline,
        FastModel,
        SlowModel,
    }

    public override string Name => mode switch
    {
        Mode.Offline => "chat-offline",
        Mode.FastModel => "chat-model",
        _ => "chat-model-slow",
    };

    public override string Title => mode switch
    {
        Mode.Offline => "POST /chat, offline interpreter",
        Mode.FastModel => "POST /chat, fake model at 0 ms",
        _ => "POST /chat, fake model at {0} ms, {1} conversations, {2} s think time",
    };

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var users = mode == Mode.SlowModel ? options.Conversations : options.Connections;
        var latency = mode == Mode.SlowModel ? options.SlowModelLatency : TimeSpan.Zero;
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, Title, latency.TotalMilliseconds, users, options.ThinkTime.TotalSeconds);

        var database = await context.Databases.CreateAsync(cancellationToken);
        await using var server = await context.Servers.ConciergeAsync(database, withModel: mode != Mode.Offline, cancellationToken);
        using var client = BenchContext.Client(server.BaseUrl);
        var sessions = await BenchContext.NewSessionsAsync(client, users, cancellationToken);

        context.Model.DefaultLatency = latency;
        var callsBefore = context.Model.RequestCount;
        try
        {
            // The demo agent is the template builder: offline it asks for what the template still
            // lacks; with the model, the fake answers a valid template proposal (BenchRunner).
            var requests = new Load.RequestSource(user => BenchContext.Chat(sessions[user], "Which database do you use?"))
            {
                ThinkTime = mode == Mode.SlowModel ? options.ThinkTime : TimeSpan.Zero,
            };
            var result = await context.MeasureAsync(
                Name, title, mode == Mode.SlowModel ? null : BaselineScenario.Insert, server, client, users, requests, null, cancellationToken);
            var extra = new Dictionary<string, double> { ["model_calls"] = context.Model.RequestCount - callsBefore };
            return result with { Extra = extra };
        }
        finally
        {
            context.Model.DefaultLatency = TimeSpan.Zero;
            // The fake keeps every request it saw; thousands of bodies are memory the harness does not need.
            context.Model.ClearRequests();
        }
    }
}
