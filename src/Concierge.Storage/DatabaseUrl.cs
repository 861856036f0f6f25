using System.Globalization;
using System.Text.RegularExpressions;
using Concierge.Configuration;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Concierge.Storage;

/// <summary>
/// Turns a SQLAlchemy-style database URL (what the seed systems used) into settings.
/// Unknown query options are refused rather than ignored: silently dropping, say, a misspelt
/// "sslmode" would connect without the protection the operator asked for.
/// </summary>
internal static partial class DatabaseUrl
{
    private const string Usage = "use sqlite:///path.db or postgresql://user:password@host:5432/database";

    private static readonly string[] SqliteSchemes = ["sqlite", "sqlite+pysqlite", "sqlite+aiosqlite"];
    private static readonly string[] PostgresSchemes = ["postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2", "postgresql+asyncpg"];

    private static readonly string[] PostgresOptions =
    [
        "sslmode", "ssl", "sslrootcert", "sslcert", "sslkey", "sslpassword", "connect_timeout", "command_timeout",
        "application_name", "options", "target_session_attrs", "host", "port", "user", "password", "dbname", "max_auto_prepare",
    ];

    public static DatabaseSettings Parse(string setting, string? url, int poolSize, int maxOverflow, string currentDirectory)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return Sqlite(Path.GetFullPath(DatabaseSettings.DefaultSqlitePath, currentDirectory), poolSize, maxOverflow);
        }

        var separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            // Nothing of the value is echoed: without a scheme we cannot tell where a password might be.
            throw new InvalidSettingException(setting, $"not a database URL; {Usage}");
        }

        var scheme = url[..separator].ToLowerInvariant();
        var rest = url[(separator + 3)..];
        if (SqliteSchemes.Contains(scheme))
        {
            return ParseSqlite(setting, rest, poolSize, maxOverflow, currentDirectory);
        }

        if (PostgresSchemes.Contains(scheme))
        {
            return ParsePostgres(setting, rest, poolSize, maxOverflow);
        }

        var shown = SchemePattern().IsMatch(scheme) ? $"'{DatabaseSettings.Shorten(scheme)}'" : "in the URL";
        throw new InvalidSettingException(setting, $"unsupported scheme {shown}; {Usage}");
    }

    private static DatabaseSettings ParseSqlite(string setting, string rest, int poolSize, int maxOverflow, string currentDirectory)
    {
        // SQLAlchemy: sqlite:///relative.db has an empty host then "relative.db";
        // sqlite:////absolute.db has an empty host then "/absolute.db".
        if (!rest.StartsWith('/'))
        {
            throw new InvalidSettingException(setting, "a SQLite URL has no host: write sqlite:///relative/path.db or sqlite:////absolute/path.db");
        }

        var path = rest[1..];
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            throw new InvalidSettingException(setting, "SQLite URLs take no options after '?'");
        }

        path = Uri.UnescapeDataString(path);
        if (path.Length == 0)
        {
            throw new InvalidSettingException(setting, "the SQLite URL names no file; write sqlite:///data/concierge.db");
        }

        if (path == ":memory:")
        {
            // Every pooled connection would get its own empty database: nothing would persist.
            throw new InvalidSettingException(setting, "in-memory SQLite is not supported; name a file, e.g. sqlite:///data/concierge.db");
        }

        if (path.EndsWith('/') || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            throw new InvalidSettingException(setting, "the SQLite URL does not name a file");
        }

        return Sqlite(Path.GetFullPath(path, currentDirectory), poolSize, maxOverflow);
    }

    private static DatabaseSettings Sqlite(string fullPath, int poolSize, int maxOverflow)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        return new DatabaseSettings
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = builder.ToString(),
            SqlitePath = fullPath,
            PoolSize = poolSize,
            MaxOverflow = maxOverflow,
            Description = $"sqlite:///{fullPath}",
        };
    }

    private static DatabaseSettings ParsePostgres(string setting, string rest, int poolSize, int maxOverflow)
    {
        string? queryText = null;
        var q = rest.IndexOf('?');
        if (q >= 0)
        {
            queryText = rest[(q + 1)..];
            rest = rest[..q];
        }

        var slash = rest.IndexOf('/');
        var authority = slash >= 0 ? rest[..slash] : rest;
        var database = slash >= 0 ? Unescape(rest[(slash + 1)..]) : string.Empty;

        string? user = null;
        string? password = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':');
            user = Unescape(colon >= 0 ? userInfo[..colon] : userInfo);
            password = colon >= 0 ? Unescape(userInfo[(colon + 1)..]) : null;
        }

        var (host, port) = ParseHostAndPort(setting, authority);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = port,
            Database = database,
            Username = string.IsNullOrEmpty(user) ? null : user,
            Password = password,
            // SQLAlchemy keeps pool_size connections and opens up to max_overflow more under load.
            MaxPoolSize = poolSize + maxOverflow,
            MinPoolSize = Math.Min(2, poolSize),
            // The same few statements run on every turn: prepared on a connection after their
            // second use, PostgreSQL stops parsing and planning them each time (about a third more
            // turns a second in docs/benchmarks.md). max_auto_prepare=0 turns it off, e.g. behind a
            // pooler that cannot keep prepared statements.
            MaxAutoPrepare = 64,
        };

        foreach (var (name, value) in ParseQuery(setting, queryText))
        {
            ApplyOption(setting, builder, name, value);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new InvalidSettingException(setting, "the PostgreSQL URL names no host; write postgresql://user:password@host:5432/database");
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new InvalidSettingException(setting, "the PostgreSQL URL names no database; add it after the host, e.g. postgresql://host:5432/concierge");
        }

        if (builder.Database.Contains('/'))
        {
            throw new InvalidSettingException(setting, "the database name contains '/'; the URL path must be just /database");
        }

        var who = string.IsNullOrEmpty(builder.Username) ? string.Empty : $"{builder.Username}@";
        return new DatabaseSettings
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = builder.ConnectionString,
            PoolSize = poolSize,
            MaxOverflow = maxOverflow,
            Description = $"postgresql://{who}{builder.Host}:{builder.Port}/{builder.Database}",
        };
    }

    private static (string? Host, int Port) ParseHostAndPort(string setting, string authority)
    {
        const int defaultPort = 5432;
        if (authority.Length == 0)
        {
            return (null, defaultPort);
        }

        // Several hosts ("a:5432,b:5433") are passed through: Npgsql reads that list itself.
        if (authority.Contains(','))
        {
            return (authority, defaultPort);
        }

        string host;
        string? portText = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                throw new InvalidSettingException(setting, "the IPv6 host is missing its closing ']'");
            }

            host = authority[1..close];
            var after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                portText = after.StartsWith(':') ? after[1..] : throw new InvalidSettingException(setting, "unexpected text after the IPv6 host");
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon >= 0 ? authority[..colon] : authority;
            portText = colon >= 0 ? authority[(colon + 1)..] : null;
        }

        return (Unescape(host), portText is null ? defaultPort : ParsePort(setting, portText));
    }

    private static int ParsePort(string setting, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new InvalidSettingException(setting, $"port '{DatabaseSettings.Shorten(text)}' is not a number between 1 and 65535");

    private static IEnumerable<(string Name, string Value)> ParseQuery(string setting, string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            yield break;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Decode(equals >= 0 ? pair[..equals] : pair).ToLowerInvariant();
            var value = equals >= 0 ? Decode(pair[(equals + 1)..]) : string.Empty;
            if (!PostgresOptions.Contains(name))
            {
                var shown = OptionPattern().IsMatch(name) ? $"'{DatabaseSettings.Shorten(name)}'" : "in the query string";
                throw new InvalidSettingException(setting, $"unknown option {shown}; supported: {string.Join(", ", PostgresOptions)}");
            }

            yield return (name, value);
        }
    }

    private static void ApplyOption(string setting, NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        switch (name)
        {
            case "sslmode":
            case "ssl":
                builder.SslMode = ParseSslMode(setting, name, value);
                break;
            case "sslrootcert":
                builder.RootCertificate = value;
                break;
            case "sslcert":
                builder.SslCertificate = value;
                break;
            case "sslkey":
                builder.SslKey = value;
                break;
            case "sslpassword":
                builder.SslPassword = value;
                break;
            case "connect_timeout":
                builder.Timeout = ParseSeconds(setting, name, value);
                break;
            case "command_timeout":
                builder.CommandTimeout = ParseSeconds(setting, name, value);
                break;
            case "max_auto_prepare":
                builder.MaxAutoPrepare = ParseWholeNumber(setting, name, value, 1000, "a whole number");
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "options":
                builder.Options = value;
                break;
            case "target_session_attrs":
                builder.TargetSessionAttributes = value;
                break;
            case "host":
                // libpq's form for a socket directory or a host the authority could not hold.
                builder.Host = value;
                break;
            case "port":
                builder.Port = ParsePort(setting, value);
                break;
            case "user":
                builder.Username = value;
                break;
            case "password":
                builder.Password = value;
                break;
            case "dbname":
                builder.Database = value;
                break;
        }
    }

    private static SslMode ParseSslMode(string setting, string name, string value) => value.ToLowerInvariant() switch
    {
        "disable" or "false" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" or "true" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw new InvalidSettingException(
            setting, $"{name} '{DatabaseSettings.Shorten(value)}' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
    };

    private static int ParseSeconds(string setting, string name, string value) =>
        ParseWholeNumber(setting, name, value, 3600, "a whole number of seconds");

    /// <summary>A whole number from 0 to <paramref name="max"/>, or one line naming the option and what it takes.</summary>
    private static int ParseWholeNumber(string setting, string name, string value, int max, string what) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= max
            ? number
            : throw new InvalidSettingException(setting, $"{name} '{DatabaseSettings.Shorten(value)}' is not {what} (0-{max})");

    // Query values follow form encoding ('+' is a space), as SQLAlchemy's parse_qsl reads them;
    // the user, password, host and database are percent-decoded only ('+' stays a '+').
    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static string Unescape(string value) => Uri.UnescapeDataString(value);

    [GeneratedRegex("^[a-z][a-z0-9+.-]*$")]
    private static partial Regex SchemePattern();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex OptionPattern();
}
