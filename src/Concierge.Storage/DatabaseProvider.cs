namespace Concierge.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviders
{
    /// <summary>The name /health reports: "sqlite" or "postgresql".</summary>
    public static string Name(this DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.Postgres => "postgresql",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}
