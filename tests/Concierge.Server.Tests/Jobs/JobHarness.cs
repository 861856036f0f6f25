using Concierge.Jobs;
using Concierge.Server.Jobs;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Storage;
using Concierge.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Concierge.Server.Tests.Jobs;

/// <summary>
/// The storage and job services of one "process" over a real database, wired as the host wires
/// them, with a clock the test moves and the test's own handlers. Nothing starts on its own: a
/// test starts the worker when it wants one.
/// </summary>
public sealed class JobHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private bool _workerStarted;

    private JobHarness(ServiceProvider services, string url)
    {
        _services = services;
        Url = url;
    }

    public string Url { get; }

    public IServiceProvider Services => _services;

    public Database Database => _services.GetRequiredService<Database>();

    public IJobStore Store => _services.GetRequiredService<IJobStore>();

    public JobWorker Worker => _services.GetRequiredService<JobWorker>();

    public TimeProvider Clock => _services.GetRequiredService<TimeProvider>();

    /// <summary>A fresh, migrated database of <paramref name="kind"/>.</summary>
    public static async Task<JobHarness> CreateAsync(DatabaseKind kind, Action<IServiceCollection>? configure = null, TimeProvider? clock = null)
    {
        var harness = Open(await TestDatabase.CreateAsync(kind), configure, clock);
        await harness.Services.MigrateDatabaseAsync(TestContext.Current.CancellationToken);
        return harness;
    }

    /// <summary>Another "process" on the database at <paramref name="url"/>: its own services, pool and worker.</summary>
    public static JobHarness Open(string url, Action<IServiceCollection>? configure = null, TimeProvider? clock = null)
    {
        var configuration = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = url,
            ["Concierge:Jobs:PollInterval"] = "20ms",
        }));
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(clock ?? new ManualClock(Start))
            .AddConciergeStorage(configuration)
            .AddJobs(configuration);
        configure?.Invoke(services);
        return new JobHarness(services.BuildServiceProvider(), url);
    }

    public async Task StartWorkerAsync()
    {
        await Worker.StartAsync(TestContext.Current.CancellationToken);
        _workerStarted = true;
    }

    /// <summary>Stops the worker as the host does, with <paramref name="shutdownTimeout"/> for running jobs.</summary>
    public async Task StopWorkerAsync(TimeSpan shutdownTimeout)
    {
        using var timeout = new CancellationTokenSource(shutdownTimeout);
        await Worker.StopAsync(timeout.Token);
        _workerStarted = false;
    }

    public void Advance(TimeSpan by) => ((ManualClock)Clock).Advance(by);

    public Task<Job?> FindAsync(Guid tenantId, Guid jobId) => Store.FindAsync(tenantId, jobId, TestContext.Current.CancellationToken);

    /// <summary>Waits (on the real clock) until <paramref name="condition"/> holds.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_workerStarted)
        {
            await StopWorkerAsync(TimeSpan.FromSeconds(5));
        }

        await _services.DisposeAsync();
    }
}
