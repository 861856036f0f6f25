using Concierge.Skills;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Storage;
using Concierge.Storage.Migrations;
using Concierge.Server.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Concierge.Server.Tests.Storage;

/// <summary>The storage services over a fresh database of one kind, wired as the host wires them.</summary>
public sealed class StorageHarness : IAsyncDisposable
{
    public static readonly Guid OtherTenantId = Guid.Parse("00000000-0000-7000-8000-0000000000f2");
    public static readonly Guid OtherAgentId = Guid.Parse("00000000-0000-7000-8000-0000000002f2");

    private readonly ServiceProvider _services;

    private StorageHarness(ServiceProvider services, string url)
    {
        _services = services;
        Url = url;
    }

    public string Url { get; }

    public IServiceProvider Services => _services;

    public Database Database => _services.GetRequiredService<Database>();

    public ISessionStore Store => _services.GetRequiredService<ISessionStore>();

    public IAgentCatalog Agents => _services.GetRequiredService<IAgentCatalog>();

    public MigrationRunner Migrations => _services.GetRequiredService<MigrationRunner>();

    /// <summary>A fresh database of <paramref name="kind"/>, migrated and seeded (unless <paramref name="migrate"/> is false).</summary>
    public static async Task<StorageHarness> CreateAsync(DatabaseKind kind, bool migrate = true)
    {
        var url = await TestDatabase.CreateAsync(kind);
        var harness = Open(url);
        if (migrate)
        {
            await harness.Services.MigrateDatabaseAsync(TestContext.Current.CancellationToken);
            await harness._services.GetRequiredService<TenantSeeder>().EnsureAsync(
                OtherTenantId, "Other", [DemoTenant.Agent with { Id = OtherAgentId, TenantId = OtherTenantId, Key = "other", PublicKey = null }], TestContext.Current.CancellationToken);
        }

        return harness;
    }

    /// <summary>Another "process" on the same database: its own services, pool and data source.</summary>
    public static StorageHarness Open(string url, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["DATABASE_URL"] = url };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection(values));
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddConciergeStorage(configuration)
            .BuildServiceProvider();
        return new StorageHarness(services, url);
    }

    public static Session NewSession(Guid tenantId, Guid agentId, DateTimeOffset now, string? customerId = null, TimeSpan? ttl = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = tenantId,
        AgentId = agentId,
        Channel = "web",
        CustomerId = customerId,
        Skill = "templates",
        State = SkillStateDocument.FromJson("""{"memory":{"language":"en_US"}}"""),
        CreatedAt = now,
        UpdatedAt = now,
        ExpiresAt = customerId is null ? now + (ttl ?? TimeSpan.FromHours(24)) : null,
    };

    public Task<Session> CreateDemoSessionAsync(string? customerId = null, TimeSpan? ttl = null, DateTimeOffset? now = null) =>
        Store.CreateAsync(
            NewSession(DemoTenant.TenantId, DemoTenant.AgentId, now ?? DateTimeOffset.UtcNow, customerId, ttl),
            [new DomainEvent("session_started", new JsonObject { ["channel"] = "web" })],
            TestContext.Current.CancellationToken);

    /// <summary>What a turn commits: the user's message and a reply after the session's last message.</summary>
    public static TurnCommit Turn(Session session, Guid? leaseId, string text, DateTimeOffset now) => new(
        session with { MessageCount = session.MessageCount + 2, UpdatedAt = now, Version = session.Version + 1, LastAction = "ASK" },
        session.Version,
        leaseId,
        [
            new Message(Guid.CreateVersion7(now), session.Id, session.MessageCount + 1, MessageRole.User, text, now),
            new Message(Guid.CreateVersion7(now), session.Id, session.MessageCount + 2, MessageRole.Assistant, "re: " + text, now, 7),
        ],
        [],
        [new DomainEvent("turn_completed", new JsonObject { ["action"] = "ASK" })]);

    /// <summary>Counts rows with raw SQL (to see what a store call really left behind).</summary>
    public async Task<long> CountAsync(string table, Guid sessionId)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE session_id = @s";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "s";
        parameter.Value = Database.Id(sessionId);
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        var sqlitePath = _services.GetRequiredService<DatabaseSettings>().SqlitePath;
        await _services.DisposeAsync();

        // TestDatabase makes one temporary folder per SQLite database: remove it with the file.
        var folder = Path.GetDirectoryName(sqlitePath);
        if (folder is not null && Path.GetFileName(folder).StartsWith("concierge-test-", StringComparison.Ordinal)
            && folder.StartsWith(Path.GetTempPath(), StringComparison.Ordinal) && Directory.Exists(folder))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Another harness on the same file still has it open; it is only a temp folder.
            }
        }
    }
}
