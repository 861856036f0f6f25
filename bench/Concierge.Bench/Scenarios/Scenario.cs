namespace Concierge.Bench.Scenarios;

/// <summary>One thing measured, on one database, with its own fresh server process(es).</summary>
public abstract class Scenario
{
    /// <summary>The name used on the command line and in the results.</summary>
    public abstract string Name { get; }

    /// <summary>What is measured, for the report.</summary>
    public abstract string Title { get; }

    public abstract Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken);

    /// <summary>Every scenario, in the order they run (the baselines first: every other one is read against them).</summary>
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new BaselineScenario(insert: false),
        new BaselineScenario(insert: true),
        new HealthScenario(),
        new NewSessionScenario(),
        new ChatScenario(ChatScenario.Mode.Offline),
        new ChatScenario(ChatScenario.Mode.FastModel),
        new ChatScenario(ChatScenario.Mode.SlowModel),
        new HistoryScenario(),
        new BookingChatScenario(),
        new KnowledgeScenario(),
        new ShopSearchScenario(),
        new StartupScenario(),
        new StreamScenario(),
    ];
}
