using System.Globalization;
using Concierge.Configuration;
using Microsoft.Extensions.Configuration;

namespace Concierge.Storage;

/// <summary>
/// Where the data lives, parsed once at start. Not a record on purpose: a generated ToString
/// would print the connection string, and with it the password.
/// </summary>
public sealed class DatabaseSettings
{
    public const string UrlAlias = "DATABASE_URL";
    public const string PoolSizeAlias = "DATABASE_POOL_SIZE";
    public const string MaxOverflowAlias = "DATABASE_MAX_OVERFLOW";
    public const string UrlKey = "Concierge:Database:Url";

    /// <summary>The seed systems' names, which win over the keys (see <see cref="SettingAliasesSource"/>).</summary>
    public static readonly IReadOnlyList<SettingAlias> Aliases =
    [
        new(UrlAlias, UrlKey),
        new(PoolSizeAlias, "Concierge:Database:PoolSize"),
        new(MaxOverflowAlias, "Concierge:Database:MaxOverflow"),
    ];

    public const string PoolSizeKey = "Concierge:Database:PoolSize";
    public const string MaxOverflowKey = "Concierge:Database:MaxOverflow";

    /// <summary>The database used when nothing is configured, relative to the current directory.</summary>
    public const string DefaultSqlitePath = "data/concierge.db";

    public const int DefaultPoolSize = 10;
    public const int DefaultMaxOverflow = 20;

    public required DatabaseProvider Provider { get; init; }

    /// <summary>"sqlite" or "postgresql", for /health.</summary>
    public string ProviderName => Provider.Name();

    /// <summary>A Microsoft.Data.Sqlite or Npgsql connection string. Holds the password: never log it.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The SQLite file's absolute path; null for PostgreSQL.</summary>
    public string? SqlitePath { get; init; }

    public int PoolSize { get; init; } = DefaultPoolSize;
    public int MaxOverflow { get; init; } = DefaultMaxOverflow;

    /// <summary>Where the database is, without credentials (for logs and start-up banners).</summary>
    public required string Description { get; init; }

    public override string ToString() => Description;

    /// <summary>
    /// Reads the settings. The seed systems' environment names (DATABASE_URL...) win over the
    /// Concierge:Database:* keys when both are set: they are what an operator sets explicitly
    /// on a container, while the keys usually come from a shipped appsettings.json.
    /// </summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string? currentDirectory = null)
    {
        var (url, urlSetting) = Read(configuration, UrlKey);
        var (pool, poolSetting) = Read(configuration, PoolSizeKey);
        var (overflow, overflowSetting) = Read(configuration, MaxOverflowKey);

        var poolSize = ParseCount(poolSetting, pool, DefaultPoolSize, min: 1);
        var maxOverflow = ParseCount(overflowSetting, overflow, DefaultMaxOverflow, min: 0);
        return DatabaseUrl.Parse(urlSetting, url, poolSize, maxOverflow, currentDirectory ?? Directory.GetCurrentDirectory());
    }

    /// <summary>Parses one URL with the default pool sizes (tests, tools).</summary>
    public static DatabaseSettings FromUrl(string? url, string? currentDirectory = null) =>
        DatabaseUrl.Parse(UrlAlias, url, DefaultPoolSize, DefaultMaxOverflow, currentDirectory ?? Directory.GetCurrentDirectory());

    private static (string? Value, string Setting) Read(IConfiguration configuration, string key)
    {
        var (value, name) = Settings.Find(configuration, key);
        return (value?.Trim(), name);
    }

    private static int ParseCount(string setting, string? raw, int fallback, int min)
    {
        const int max = 1000;
        if (string.IsNullOrEmpty(raw))
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidSettingException(setting, $"'{Shorten(raw)}' is not a whole number between {min} and {max}");
    }

    internal static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
