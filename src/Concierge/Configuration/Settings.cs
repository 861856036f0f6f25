using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Concierge.Configuration;

/// <summary>
/// Reads a setting by the environment name the seed systems used (<c>OPENAI_API_KEY</c>...) or,
/// when that is absent, by its ASP.NET Core key (<c>Concierge:Section:Key</c>, also settable as
/// <c>Concierge__Section__Key</c>). The alias wins so that a value shipped in appsettings.json can
/// never silently override what an operator exported (the storage settings follow the same rule).
/// The default builder already puts every environment variable in configuration under its own name.
/// </summary>
public static class Settings
{
    public static (string? Value, string Name) Find(IConfiguration configuration, string key, string? alias)
    {
        if (alias is not null && !string.IsNullOrEmpty(configuration[alias]))
        {
            return (configuration[alias], alias);
        }

        return (configuration[key], key);
    }

    public static string? String(IConfiguration configuration, string key, string? alias = null) =>
        Find(configuration, key, alias).Value is { Length: > 0 } value ? value.Trim() : null;

    public static int Int(IConfiguration configuration, string key, string? alias, int fallback)
    {
        var (value, name) = Find(configuration, key, alias);
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new InvalidSettingException(name, $"must be a whole number, got '{Shorten(value)}'");
    }

    public static double Double(IConfiguration configuration, string key, string? alias, double fallback)
    {
        var (value, name) = Find(configuration, key, alias);
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed)
            ? parsed
            : throw new InvalidSettingException(name, $"must be a number, got '{Shorten(value)}'");
    }

    /// <summary>A duration given as seconds ("30", "2.5"), with a unit ("500ms", "30s", "10m", "24h", "7d") or as a TimeSpan ("00:00:30").</summary>
    public static TimeSpan Duration(IConfiguration configuration, string key, string? alias, TimeSpan fallback)
    {
        var (value, name) = Find(configuration, key, alias);
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return TryParseDuration(value.Trim(), out var parsed)
            ? parsed
            : throw new InvalidSettingException(name, $"must be a duration such as 30, 30s, 10m, 24h or 00:00:30, got '{Shorten(value)}'");
    }

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        (string number, double unitSeconds) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], 0.001),
            _ when text.EndsWith('s') || text.EndsWith('S') => (text[..^1], 1),
            _ when text.EndsWith('m') || text.EndsWith('M') => (text[..^1], 60),
            _ when text.EndsWith('h') || text.EndsWith('H') => (text[..^1], 3600),
            _ when text.EndsWith('d') || text.EndsWith('D') => (text[..^1], 86400),
            _ => (text, 1),
        };

        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && double.IsFinite(amount) && amount >= 0 && amount * unitSeconds < TimeSpan.MaxValue.TotalSeconds)
        {
            duration = TimeSpan.FromSeconds(amount * unitSeconds);
            return true;
        }

        return !text.Contains('-') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
