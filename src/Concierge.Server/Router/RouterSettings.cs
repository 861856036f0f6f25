using Concierge.Configuration;

namespace Concierge.Server.Router;

/// <summary>
/// The router's settings. <c>ENABLE_ROUTER_GPT</c> is read again on every request
/// (<see cref="IsEnabled"/>), so that a change in a reloaded configuration source (appsettings.json,
/// the CONFIG_PATH file) turns the router routes off or on without a restart; its value is also
/// checked at start. <c>PUBLIC_API_BASE</c> is the server the OpenAPI document names (default: the
/// request's own origin). <c>ROUTER_AGENT_KEY</c>, when set, makes the router require
/// <c>X-Agent-Key</c> (no default tenant) and the document declare it as an apiKey.
/// </summary>
public sealed class RouterSettings(IConfiguration configuration, ILogger<RouterSettings> logger)
{
    public const string EnabledKey = "Concierge:Router:Enabled";
    public const string EnabledAlias = "ENABLE_ROUTER_GPT";
    private const string Section = "Concierge:Router:";

    /// <summary>PUBLIC_API_BASE is the channels' setting (Concierge:Http:PublicApiBase); the router reads the same key.</summary>
    public static readonly IReadOnlyList<SettingAlias> Aliases = [new(EnabledAlias, EnabledKey), new("ROUTER_AGENT_KEY", Section + "AgentKey")];

    public Uri? PublicBaseUrl { get; } = ReadBase(configuration);

    public string? AgentKey { get; } = Settings.String(configuration, Section + "AgentKey")?.Trim() is { Length: > 0 } key ? key : null;

    /// <summary>Checks the toggle at start, so a typo stops the start with its name instead of switching the router off.</summary>
    public static void Validate(IConfiguration configuration)
    {
        var (raw, name) = Settings.Find(configuration, EnabledKey);
        if (Parse(raw) is null)
        {
            throw new InvalidSettingException(name, $"must be true or false, got '{(raw!.Length > 20 ? raw[..20] : raw)}'");
        }

        _ = ReadBase(configuration);
    }

    /// <summary>Whether the router routes answer now (on by default); an unreadable value turns them off, with a warning.</summary>
    public bool IsEnabled()
    {
        var (raw, name) = Settings.Find(configuration, EnabledKey);
        if (Parse(raw) is { } on)
        {
            return on;
        }

        logger.LogWarning("{Setting} is '{Value}', neither true nor false: the router is off until it is fixed", name, raw);
        return false;
    }

    private static bool? Parse(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        null or "" or "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => null,
    };

    private static Uri? ReadBase(IConfiguration configuration)
    {
        var (raw, name) = Settings.Find(configuration, "Concierge:Http:PublicApiBase");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        return Uri.TryCreate(raw.Trim().TrimEnd('/'), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0
            ? url
            : throw new InvalidSettingException(name, "must be an absolute http(s) URL without a query, like https://api.example.com");
    }
}
