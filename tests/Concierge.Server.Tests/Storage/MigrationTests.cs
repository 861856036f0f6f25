using Concierge.Agents;
using Concierge.Storage;
using Concierge.Storage.Migrations;
using Concierge.Server.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Concierge.Server.Tests.Storage;

public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Migrations_apply_once_and_are_recorded(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind, migrate: false);
        var expected = Migration.For(db.Database.Provider);

        var first = await db.Migrations.ApplyAsync(Ct);
        var second = await db.Migrations.ApplyAsync(Ct);
        var history = await db.Migrations.HistoryAsync(Ct);

        Assert.Equal(expected.Select(m => m.Version), first.Select(m => m.Version));
        Assert.Empty(second);
        Assert.Equal(expected.Select(m => (m.Version, m.Name)), history.Select(h => (h.Version, h.Name)));
        Assert.Contains(history, h => h is { Version: 1, Name: "initial" });
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Instances_starting_together_migrate_and_seed_exactly_once(DatabaseKind kind)
    {
        await using var first = await StorageHarness.CreateAsync(kind, migrate: false);
        var instances = Enumerable.Range(0, 4).Select(_ => StorageHarness.Open(first.Url)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => i.Services.MigrateDatabaseAsync(Ct)));
            await first.Services.MigrateDatabaseAsync(Ct);

            var history = await first.Migrations.HistoryAsync(Ct);
            Assert.Equal(Migration.For(first.Database.Provider).Count, history.Count);
            var agent = await first.Agents.DefaultAsync(DemoTenant.TenantId, Ct);
            Assert.Equal(DemoTenant.AgentId, agent.Id);
            Assert.Equal(DemoTenant.Agent.Faq, agent.Faq);
            Assert.Equal(DemoTenant.Agent.Instructions, agent.Instructions);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task The_migrate_command_exits_zero(DatabaseKind kind)
    {
        var url = await TestDatabase.CreateAsync(kind);
        var configuration = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection([new("DATABASE_URL", url)]));

        Assert.Equal(0, await StorageCommands.MigrateAsync(configuration, cancellationToken: Ct));
        Assert.Equal(0, await StorageCommands.MigrateAsync(configuration, cancellationToken: Ct));
    }

    [Fact]
    public async Task The_migrate_command_reports_bad_configuration_in_one_line()
    {
        var configuration = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection([new("DATABASE_URL", "mysql://u:hunter2@h/d")]));
        var error = new StringWriter();

        Assert.Equal(2, await StorageCommands.MigrateAsync(configuration, error, Ct));
        Assert.StartsWith("DATABASE_URL: unsupported scheme 'mysql'", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task The_probe_says_ok_or_names_the_exception_class_only(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        var ok = await new DatabaseProbe(db.Database).ProbeAsync(Ct);
        Assert.True(ok.Ok);
        Assert.Equal("ok", ok.Status);
        Assert.Equal(kind == DatabaseKind.Sqlite ? "sqlite" : "postgresql", ok.Provider);

        var unreachable = kind == DatabaseKind.Sqlite
            ? "sqlite:////proc/no-such-dir/concierge.db"
            : "postgresql://someone:hunter2@127.0.0.1:1/nothing?connect_timeout=2";
        await using var broken = StorageHarness.Open(unreachable);
        var failed = await new DatabaseProbe(broken.Database).ProbeAsync(Ct);
        Assert.False(failed.Ok);
        Assert.Matches("^[A-Za-z]+(Exception)$", failed.Status);
        Assert.DoesNotContain("hunter2", failed.Status, StringComparison.Ordinal);
    }
}
