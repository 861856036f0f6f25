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
        new("LOG_FORMAT", "Concierge:LogFormat"),
    ];

    public static WebApplicationBuilder AddConciergeHost(this WebApplicationBuilder builder)
    {
        // First, so that every setting read from here on sees the seed names mapped onto its key.
        builder.Configuration.AddSettingAliases(SeedAliases.All);
        AddConfigFile(builder);

        AddLogging(builder);

        // Without --urls, ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS, serve where the README says.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    // LOG_FORMAT=json (the default outside Development): one flat JSON object a line; text: one
    // readable line. LOG_LEVEL is the floor of every category: appsettings' Logging section can
    // only make a category quieter than it, never louder (LOG_LEVEL=CRITICAL silences everything else).
    private static void AddLogging(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        var format = Settings.String(builder.Configuration, "Concierge:LogFormat")?.Trim().ToLowerInvariant()
            ?? (builder.Environment.IsDevelopment() ? "text" : "json");
        switch (format)
        {
            case "json":
                builder.Logging.AddConsole(o => o.FormatterName = Observability.JsonLineFormatter.FormatterName)
                    .AddConsoleFormatter<Observability.JsonLineFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
                break;
            case "text":
                builder.Logging.AddSimpleConsole(o =>
                {
                    o.IncludeScopes = true;
                    o.SingleLine = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                });
                break;
            default:
                throw new InvalidSettingException("LOG_FORMAT", $"must be json or text, got '{(format.Length <= 20 ? format : format[..20] + "...")}'");
        }

        var level = Settings.String(builder.Configuration, "Concierge:LogLevel");
        if (level is null)
        {
            return;
        }

        var floor = ParseLevel(level);
        builder.Logging.SetMinimumLevel(floor);
        builder.Services.PostConfigure<LoggerFilterOptions>(o => ApplyFloor(o, floor));
    }

    /// <summary>Raises every filter rule to at least <paramref name="floor"/>; the default rules (no category) become it.</summary>
    internal static void ApplyFloor(LoggerFilterOptions options, LogLevel floor)
    {
        options.MinLevel = floor;
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var level = rule.CategoryName is null || rule.LogLevel is null || rule.LogLevel < floor ? floor : rule.LogLevel.Value;
            options.Rules[i] = new LoggerFilterRule(rule.ProviderName, rule.CategoryName, level, rule.Filter);
        }
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
