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
    public static async Task<string> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("concierge-test-");
            return $"sqlite:///{Path.Combine(folder.FullName, "concierge.db")}";
        }

        return await PostgresDatabases.CreateUrlAsync();
    }
}
