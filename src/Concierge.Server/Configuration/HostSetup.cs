using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Concierge.Server.Configuration;

/// <summary>Host-level settings read before anything else: the extra config file, the log format and level, the default address.</summary>
public static class HostSetup
{
    public const string DefaultUrl = "http://localhost:8080";

    public static readonly IReadOnlyList<SettingAlias> Aliases =
    [
        new("LOG_LEVEL", "Concierge:LogLevel"),
        new("CONFIG_PATH", "Concierge:ConfigPath"),
    ];

    public static WebApplicationBuilder AddConciergeHost(this WebApplicationBuilder builder)
    {
        // First, so that every setting read from here on sees the seed names mapped onto its key.
        builder.Configuration.AddSettingAliases(SeedAliases.All);
        AddConfigFile(builder);

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        var level = Settings.String(builder.Configuration, "Concierge:LogLevel");
        if (level is not null)
        {
            builder.Logging.SetMinimumLevel(ParseLevel(level));
        }

        // Without --urls, ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS, serve where the README says.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    // CONFIG_PATH names a JSON file that overrides appsettings.json; environment variables and the
    // command line still override it, so it sits just before them.
    private static void AddConfigFile(WebApplicationBuilder builder)
    {
        var path = Settings.String(builder.Configuration, "Concierge:ConfigPath");
        if (path is null)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InvalidSettingException("CONFIG_PATH", $"the file '{full}' does not exist");
        }

        var sources = builder.Configuration.Sources;
        var index = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        var file = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Sources[0];
        if (index < 0)
        {
            sources.Add(file);
        }
        else
        {
            sources.Insert(index, file);
        }
    }

    private static LogLevel ParseLevel(string value) => value.ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" or "INFORMATION" => LogLevel.Information,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" or "FATAL" => LogLevel.Critical,
        _ => throw new InvalidSettingException("LOG_LEVEL", $"must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got '{value}'"),
    };
}
