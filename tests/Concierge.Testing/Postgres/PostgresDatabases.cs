using Npgsql;
using Xunit.v3;

namespace Concierge.Testing.Postgres;

/// <summary>
/// Fresh PostgreSQL databases for tests, all on ONE cluster per test process, started on first
/// use and stopped when the process exits. Where PostgreSQL is not installed, a test that asks
/// for a database is skipped (locally, saying plainly that it did not run) or fails (under CI,
/// where test.sh installs PostgreSQL, so its absence is a broken set-up).
/// </summary>
public static class PostgresDatabases
{
    public const string NotInstalledSkip = "PostgreSQL is not installed: these tests did not run";
    public const string NotInstalledCi = "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin; test.sh installs the postgresql package";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True where Debian's PostgreSQL binaries are installed.</summary>
    public static bool IsInstalled => PostgresBinaries.Find() is not null;

    /// <summary>The shared cluster (started on first call), or a skip / failure when it cannot exist.</summary>
    public static Task<PostgresServer> ServerAsync()
    {
        if (!IsInstalled)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(NotInstalledCi);
            }

            // xunit.v3 reports an exception with this message prefix as a dynamic skip (what Assert.Skip throws).
            throw new PostgresNotInstalledException(DynamicSkipToken.Value + NotInstalledSkip);
        }

        return Shared.Value;
    }

    /// <summary>A new empty database, as a postgresql:// URL (what DATABASE_URL takes).</summary>
    public static async Task<string> CreateUrlAsync(CancellationToken cancellationToken = default)
    {
        var server = await ServerAsync();
        return server.UrlFor(await server.CreateDatabaseAsync(cancellationToken));
    }

    /// <summary>A new empty database, as an Npgsql connection string.</summary>
    public static async Task<string> CreateConnectionStringAsync(CancellationToken cancellationToken = default)
    {
        var server = await ServerAsync();
        return server.ConnectionStringFor(await server.CreateDatabaseAsync(cancellationToken));
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var server = await PostgresServer.StartAsync(PostgresBinaries.Find()!);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        };
        return server;
    }
}

/// <summary>Carries xunit's dynamic-skip message (this project has no Assert to call Assert.Skip).</summary>
public sealed class PostgresNotInstalledException(string message) : Exception(message);
