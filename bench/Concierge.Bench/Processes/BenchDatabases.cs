using Concierge.Testing.Postgres;

namespace Concierge.Bench.Processes;

/// <summary>A fresh, empty database: as the product's DATABASE_URL and as a plain ADO.NET connection string (for the baseline).</summary>
public sealed record DatabaseTarget(DatabaseKind Kind, string Url, string ConnectionString)
{
    public string Provider => Kind == DatabaseKind.Sqlite ? "sqlite" : "postgres";
}

/// <summary>Hands out fresh databases of one kind and removes them all at the end.</summary>
public abstract class BenchDatabases : IAsyncDisposable
{
    public abstract DatabaseKind Kind { get; }

    public static async Task<BenchDatabases> StartAsync(DatabaseKind kind, CancellationToken cancellationToken) => kind switch
    {
        DatabaseKind.Sqlite => new SqliteFiles(),
        _ => new PostgresCluster(await PostgresServer.StartAsync(
            PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresDatabases.NotInstalledCi), cancellationToken)),
    };

    public abstract Task<DatabaseTarget> CreateAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>One file per database in a temporary folder, deleted at the end.</summary>
    private sealed class SqliteFiles : BenchDatabases
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("concierge-bench-").FullName;
        private int _next;

        public override DatabaseKind Kind => DatabaseKind.Sqlite;

        public override Task<DatabaseTarget> CreateAsync(CancellationToken cancellationToken)
        {
            var file = Path.Combine(_folder, $"db{Interlocked.Increment(ref _next)}.db");
            // "sqlite:///" + an absolute path gives the four slashes of an absolute DATABASE_URL.
            return Task.FromResult(new DatabaseTarget(Kind, "sqlite:///" + file, $"Data Source={file};Pooling=True"));
        }

        public override ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A throwaway cluster (the tests' own: fsync off), one database per server under test.</summary>
    private sealed class PostgresCluster(PostgresServer server) : BenchDatabases
    {
        public override DatabaseKind Kind => DatabaseKind.Postgres;

        public override async Task<DatabaseTarget> CreateAsync(CancellationToken cancellationToken)
        {
            var name = await server.CreateDatabaseAsync(cancellationToken);
            return new DatabaseTarget(Kind, server.UrlFor(name), server.ConnectionStringFor(name));
        }

        public override ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
