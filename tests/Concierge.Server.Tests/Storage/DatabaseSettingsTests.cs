using Concierge.Configuration;
using Concierge.Storage;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Concierge.Server.Tests.Storage;

public sealed class DatabaseSettingsTests
{
    private const string Cwd = "/srv/concierge";

    private static DatabaseSettings Parse(params (string Key, string? Value)[] values) =>
        DatabaseSettings.FromConfiguration(
            Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))),
            Cwd);

    private static InvalidSettingException Fails(params (string Key, string? Value)[] values) =>
        Assert.Throws<InvalidSettingException>(() => Parse(values));

    [Fact]
    public void Nothing_set_is_a_sqlite_file_under_data()
    {
        var settings = Parse();

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal("sqlite", settings.ProviderName);
        Assert.Equal("/srv/concierge/data/concierge.db", settings.SqlitePath);
        Assert.Contains("Pooling=True", settings.ConnectionString, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("sqlite:///relative/path.db", "/srv/concierge/relative/path.db")]
    [InlineData("sqlite:///./app.db", "/srv/concierge/app.db")]
    [InlineData("sqlite:////var/lib/concierge/app.db", "/var/lib/concierge/app.db")]
    [InlineData("sqlite+aiosqlite:///chat.db", "/srv/concierge/chat.db")]
    public void Sqlite_urls_follow_sqlalchemy(string url, string path)
    {
        var settings = Parse(("DATABASE_URL", url));

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal(path, settings.SqlitePath);
    }

    [Theory]
    [InlineData("postgresql://app:secret@db.example:6543/concierge")]
    [InlineData("postgres://app:secret@db.example:6543/concierge")]
    [InlineData("postgresql+psycopg://app:secret@db.example:6543/concierge")]
    [InlineData("postgresql+asyncpg://app:secret@db.example:6543/concierge")]
    public void Postgres_schemes_are_all_accepted(string url)
    {
        var settings = Parse(("DATABASE_URL", url));
        var cs = new NpgsqlConnectionStringBuilder(settings.ConnectionString);

        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        Assert.Equal("postgresql", settings.ProviderName);
        Assert.Equal("db.example", cs.Host);
        Assert.Equal(6543, cs.Port);
        Assert.Equal("app", cs.Username);
        Assert.Equal("secret", cs.Password);
        Assert.Equal("concierge", cs.Database);
        Assert.DoesNotContain("secret", settings.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Password_is_url_decoded_and_port_defaults_to_5432()
    {
        var cs = new NpgsqlConnectionStringBuilder(Parse(("DATABASE_URL", "postgresql://app:p%40ss%3Aw+rd@db/concierge")).ConnectionString);

        Assert.Equal("p@ss:w+rd", cs.Password);
        Assert.Equal(5432, cs.Port);
    }

    [Fact]
    public void Query_options_map_to_npgsql()
    {
        var settings = Parse(("DATABASE_URL",
            "postgresql://app:pw@[::1]:5433/concierge?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&connect_timeout=7&application_name=concierge+api&options=-c%20statement_timeout%3D5000"));
        var cs = new NpgsqlConnectionStringBuilder(settings.ConnectionString);

        Assert.Equal("::1", cs.Host);
        Assert.Equal(5433, cs.Port);
        Assert.Equal(SslMode.VerifyFull, cs.SslMode);
        Assert.Equal("/etc/ca.pem", cs.RootCertificate);
        Assert.Equal(7, cs.Timeout);
        Assert.Equal("concierge api", cs.ApplicationName);
        Assert.Equal("-c statement_timeout=5000", cs.Options);
    }

    [Fact]
    public void Statements_are_auto_prepared_unless_the_url_says_otherwise()
    {
        var byDefault = new NpgsqlConnectionStringBuilder(Parse(("DATABASE_URL", "postgresql://db/concierge")).ConnectionString);
        var off = new NpgsqlConnectionStringBuilder(Parse(("DATABASE_URL", "postgresql://db/concierge?max_auto_prepare=0")).ConnectionString);

        Assert.Equal(64, byDefault.MaxAutoPrepare);
        Assert.Equal(0, off.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("disable", SslMode.Disable)]
    [InlineData("allow", SslMode.Allow)]
    [InlineData("prefer", SslMode.Prefer)]
    [InlineData("require", SslMode.Require)]
    [InlineData("verify-ca", SslMode.VerifyCA)]
    [InlineData("verify-full", SslMode.VerifyFull)]
    public void Every_sslmode_is_understood(string mode, SslMode expected)
    {
        var cs = new NpgsqlConnectionStringBuilder(Parse(("DATABASE_URL", $"postgresql://db/concierge?sslmode={mode}")).ConnectionString);

        Assert.Equal(expected, cs.SslMode);
    }

    [Fact]
    public void Pool_is_pool_size_plus_overflow()
    {
        var defaults = new NpgsqlConnectionStringBuilder(Parse(("DATABASE_URL", "postgresql://db/c")).ConnectionString);
        var set = Parse(("DATABASE_URL", "postgresql://db/c"), ("DATABASE_POOL_SIZE", "4"), ("DATABASE_MAX_OVERFLOW", "0"));

        Assert.Equal(30, defaults.MaxPoolSize);
        Assert.Equal(4, new NpgsqlConnectionStringBuilder(set.ConnectionString).MaxPoolSize);
        Assert.Equal(4, set.PoolSize);
        Assert.Equal(0, set.MaxOverflow);
    }

    [Fact]
    public void The_concierge_key_is_read_when_the_alias_is_absent_and_the_alias_wins_when_both_are_set()
    {
        Assert.Equal(DatabaseProvider.Postgres, Parse(("Concierge:Database:Url", "postgresql://db/c")).Provider);
        Assert.Equal(DatabaseProvider.Sqlite, Parse(("Concierge:Database:Url", "postgresql://db/c"), ("DATABASE_URL", "sqlite:///x.db")).Provider);
        Assert.Equal(5, Parse(("Concierge:Database:PoolSize", "5")).PoolSize);
    }

    [Theory]
    [InlineData("mysql://root:hunter2@db/app", "DATABASE_URL: unsupported scheme 'mysql'; use sqlite:///path.db or postgresql://")]
    [InlineData("root:hunter2@db/app", "DATABASE_URL: not a database URL")]
    [InlineData("postgresql://app:hunter2@db:99999/app", "DATABASE_URL: port '99999' is not a number between 1 and 65535")]
    [InlineData("postgresql://app:hunter2@db:5432/", "DATABASE_URL: the PostgreSQL URL names no database")]
    [InlineData("postgresql://app:hunter2@/app", "DATABASE_URL: the PostgreSQL URL names no host")]
    [InlineData("postgresql://app:hunter2@db/app?sslmode=sometimes", "DATABASE_URL: sslmode 'sometimes' is not one of")]
    [InlineData("postgresql://app:hunter2@db/app?foo=1", "DATABASE_URL: unknown option 'foo'; supported: sslmode")]
    [InlineData("postgresql://app:hunter2@db/app?connect_timeout=soon", "DATABASE_URL: connect_timeout 'soon' is not a whole number of seconds")]
    [InlineData("postgresql://app:hunter2@db/app?max_auto_prepare=-1", "DATABASE_URL: max_auto_prepare '-1' is not a whole number (0-1000)")]
    [InlineData("sqlite:///:memory:", "DATABASE_URL: in-memory SQLite is not supported")]
    [InlineData("sqlite://host/app.db", "DATABASE_URL: a SQLite URL has no host")]
    [InlineData("sqlite:///", "DATABASE_URL: the SQLite URL names no file")]
    public void A_bad_url_is_one_line_naming_the_setting_without_the_password(string url, string expectedStart)
    {
        var error = Fails(("DATABASE_URL", url));

        Assert.Equal("DATABASE_URL", error.Setting);
        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_concierge_key_is_named_when_it_is_the_one_at_fault()
    {
        var error = Fails(("Concierge:Database:Url", "oracle://scott:tiger@db/x"));

        Assert.StartsWith("Concierge:Database:Url: unsupported scheme 'oracle'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tiger", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DATABASE_POOL_SIZE", "0")]
    [InlineData("DATABASE_POOL_SIZE", "ten")]
    [InlineData("DATABASE_MAX_OVERFLOW", "-1")]
    [InlineData("DATABASE_MAX_OVERFLOW", "1001")]
    public void Bad_pool_sizes_name_their_setting(string setting, string value)
    {
        var error = Fails((setting, value));

        Assert.Equal($"{setting}: '{value}' is not a whole number between {(setting == "DATABASE_POOL_SIZE" ? 1 : 0)} and 1000", error.Message);
    }
}
