using System.Globalization;

namespace Concierge.Bench;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>The command line: <c>[scenario...] [--db sqlite|postgres] [--duration 20s] [--connections N] [--quick]</c>.</summary>
public sealed record BenchOptions
{
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    public IReadOnlyList<DatabaseKind> Databases { get; init; } = [DatabaseKind.Sqlite];

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Long enough for the server's tiered JIT to settle: profiles showed its background compiler
    /// still taking a third of the server's CPU 10-18 s after start, which a 3 s warm-up measured
    /// as if it were the product's cost.
    /// </summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(20);

    public int Connections { get; init; } = 64;

    /// <summary>Scenario 4's concurrent conversations (each its own session, all held open at once).</summary>
    public int Conversations { get; init; } = 2000;

    /// <summary>The fake model's latency in scenario 4.</summary>
    public TimeSpan SlowModelLatency { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>
    /// Scenario 4's pause between a reply and the user's next message (people read and type):
    /// 2,000 conversations held open send about 2,000 / (think + model latency) turns a second.
    /// Zero makes every user send at once, which measures capacity instead.
    /// </summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages in the session that scenario 5 reads.</summary>
    public int HistoryMessages { get; init; } = 1000;

    /// <summary>How many cold starts scenario 6 times.</summary>
    public int StartupRuns { get; init; } = 5;

    public bool Quick { get; init; }

    /// <summary>A JSON file to write every result to (what the CI test reads).</summary>
    public string? OutputPath { get; init; }

    /// <summary>A prebuilt Concierge.Server.dll to measure instead of building the working tree (e.g. a clean checkout of a commit).</summary>
    public string? ServerDll { get; init; }

    /// <summary>A scenario to record a CPU profile of with dotnet-trace (when it is installed).</summary>
    public string? TraceScenario { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        var scenarios = new List<string>();
        TimeSpan? duration = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--db":
                    options = options with { Databases = ParseDatabases(Value()) };
                    break;
                case "--duration":
                    duration = ParseDuration(Value());
                    break;
                case "--warmup":
                    options = options with { WarmUp = ParseDuration(Value()) };
                    break;
                case "--connections":
                    options = options with { Connections = ParseCount(Value()) };
                    break;
                case "--conversations":
                    options = options with { Conversations = ParseCount(Value()) };
                    break;
                case "--model-latency":
                    options = options with { SlowModelLatency = ParseDuration(Value()) };
                    break;
                case "--think-time":
                    options = options with { ThinkTime = ParseDuration(Value()) };
                    break;
                case "--history":
                    options = options with { HistoryMessages = ParseCount(Value()) };
                    break;
                case "--startups":
                    options = options with { StartupRuns = ParseCount(Value()) };
                    break;
                case "--out":
                    options = options with { OutputPath = Path.GetFullPath(Value()) };
                    break;
                case "--server":
                    options = options with { ServerDll = Path.GetFullPath(Value()) };
                    break;
                case "--trace":
                    options = options with { TraceScenario = Value() };
                    break;
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case var flag when flag.StartsWith("--", StringComparison.Ordinal):
                    throw new ArgumentException($"unknown option {flag}");
                default:
                    scenarios.Add(args[i]);
                    break;
            }
        }

        if (options.Quick)
        {
            // Every scenario for a couple of seconds with tiny loads: proves the harness runs, measures
            // nothing. Long enough that a cold server (first JIT, first PostgreSQL connections) still
            // finishes some requests inside the window, so CI never sees a run that measured nothing.
            options = options with
            {
                Duration = TimeSpan.FromSeconds(2),
                WarmUp = TimeSpan.FromMilliseconds(300),
                Connections = Math.Min(options.Connections, 4),
                Conversations = Math.Min(options.Conversations, 10),
                SlowModelLatency = TimeSpan.FromMilliseconds(100),
                ThinkTime = TimeSpan.FromMilliseconds(Math.Min(options.ThinkTime.TotalMilliseconds, 100)),
                HistoryMessages = Math.Min(options.HistoryMessages, 40),
                StartupRuns = 1,
            };
        }

        return options with { Scenarios = scenarios, Duration = duration ?? options.Duration };
    }

    private static List<DatabaseKind> ParseDatabases(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => name.ToLowerInvariant() switch
        {
            "sqlite" => DatabaseKind.Sqlite,
            "postgres" or "postgresql" => DatabaseKind.Postgres,
            _ => throw new ArgumentException($"--db takes sqlite, postgres or both (sqlite,postgres), not '{name}'"),
        }).Distinct().ToList();

    private static int ParseCount(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new ArgumentException($"expected a positive number, got '{value}'");

    /// <summary>"20s", "500ms", "2m" or plain seconds.</summary>
    public static TimeSpan ParseDuration(string value)
    {
        static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return value switch
        {
            _ when value.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(Number(value[..^2])),
            _ when value.EndsWith('s') => TimeSpan.FromSeconds(Number(value[..^1])),
            _ when value.EndsWith('m') => TimeSpan.FromMinutes(Number(value[..^1])),
            _ => TimeSpan.FromSeconds(Number(value)),
        };
    }
}
