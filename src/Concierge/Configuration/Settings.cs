using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Concierge.Configuration;

/// <summary>
/// Typed reads of one setting by its Concierge key (<c>Concierge:Section:Key</c>, also settable as
/// <c>Concierge__Section__Key</c>), with the one duration parser. The seed systems' names
/// (<c>OPENAI_API_KEY</c>...) reach these keys through <see cref="SettingAliasesSource"/>, a
/// configuration source; an error names the setting the operator actually set, alias or key.
/// </summary>
public static class Settings
{
    /// <summary>The value of <paramref name="key"/> and the name to put in an error about it.</summary>
    public static (string? Value, string Name) Find(IConfiguration configuration, string key) =>
        (configuration[key], NameOf(configuration, key));

    /// <summary>The alias that set <paramref name="key"/> when one did, else the key itself.</summary>
    public static string NameOf(IConfiguration configuration, string key)
    {
        if (configuration is IConfigurationSection section)
        {
            return section.Path.Length == 0 ? key : ConfigurationPath.Combine(section.Path, key);
        }

        if (configuration is IConfigurationRoot root)
        {
            foreach (var provider in root.Providers)
            {
                if (provider is SettingAliasesProvider aliases && aliases.AliasSetting(key) is { } alias)
                {
                    return alias;
                }
            }
        }

        return key;
    }

    public static string? String(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    public static int Int(IConfiguration configuration, string key, int fallback)
    {
        var (value, name) = Find(configuration, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new InvalidSettingException(name, $"must be a whole number, got '{Shorten(value)}'");
    }

    public static double Double(IConfiguration configuration, string key, double fallback)
    {
        var (value, name) = Find(configuration, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed)
            ? parsed
            : throw new InvalidSettingException(name, $"must be a number, got '{Shorten(value)}'");
    }

    /// <summary>A duration given as seconds ("30", "2.5"), with a unit ("500ms", "30s", "10m", "24h", "7d") or as a TimeSpan ("00:00:30").</summary>
    public static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var (value, name) = Find(configuration, key);
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
