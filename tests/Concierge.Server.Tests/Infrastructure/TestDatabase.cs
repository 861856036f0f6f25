using Concierge.Testing.Postgres;

namespace Concierge.Server.Tests.Infrastructure;

/// <summary>Which real database a test runs on.</summary>
public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh, empty database of the given kind, as a DATABASE_URL.</summary>
public static class TestDatabase
{
    // One folder per test process for every SQLite file, removed when the process exits (a database
    // may outlive the app that created it: the restart tests open it again with a second app).
    private static readonly Lazy<DirectoryInfo> SqliteRoot = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("concierge-tests-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                root.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still open at exit stays behind in the temp folder; nothing to fail for.
            }
        };
        return root;
    });

    public static async Task<string> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var folder = SqliteRoot.Value.CreateSubdirectory(Guid.NewGuid().ToString("N"));
            return $"sqlite:///{Path.Combine(folder.FullName, "concierge.db")}";
        }

        return await PostgresDatabases.CreateUrlAsync();
    }
}
