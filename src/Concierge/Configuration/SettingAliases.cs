using Microsoft.Extensions.Configuration;

namespace Concierge.Configuration;

/// <summary>
/// A name the seed systems used for a setting (<c>OPENAI_API_KEY</c>) and the Concierge key it sets
/// (<c>Concierge:Model:ApiKey</c>). Each settings type declares its own next to the keys it reads.
/// </summary>
public sealed record SettingAlias(string Alias, string Key);

/// <summary>
/// A configuration source that makes every seed alias set its Concierge key, so that the settings
/// types read one key each and bind like any options (one binder, not one per alias). Added last, it
/// outranks the other sources for the keys it maps: an alias an operator exported wins over a value
/// shipped in appsettings.json under the Concierge key. It reads the aliases live from the
/// configuration it is part of, so sources added after it (a test's settings) are seen too.
/// </summary>
public sealed class SettingAliasesSource(IEnumerable<SettingAlias> aliases) : IConfigurationSource
{
    private readonly IReadOnlyList<SettingAlias> _aliases = [.. aliases];

    /// <summary>The configuration the aliases are read from; set when the configuration is built.</summary>
    internal IConfiguration? Root { get; set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new SettingAliasesProvider(this, _aliases);
}

/// <summary>See <see cref="SettingAliasesSource"/>.</summary>
public sealed class SettingAliasesProvider : ConfigurationProvider
{
    private readonly SettingAliasesSource _source;
    private readonly Dictionary<string, string[]> _aliasesByKey;

    internal SettingAliasesProvider(SettingAliasesSource source, IReadOnlyList<SettingAlias> aliases)
    {
        _source = source;
        _aliasesByKey = aliases
            .GroupBy(a => a.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Alias).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The alias that currently sets <paramref name="key"/>, or null when none does.</summary>
    public string? AliasSetting(string key)
    {
        if (_source.Root is not { } root || !_aliasesByKey.TryGetValue(key, out var names))
        {
            return null;
        }

        // An alias is never itself a mapped key, so reading it cannot come back here for ever.
        return names.FirstOrDefault(name => !string.IsNullOrEmpty(root[name]));
    }

    public override bool TryGet(string key, out string? value)
    {
        value = AliasSetting(key) is { } alias ? _source.Root![alias] : null;
        return value is not null;
    }

    public override void Set(string key, string? value)
    {
        // Read-only: the aliases' own sources hold the values.
    }

    public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
    {
        var prefix = parentPath is null ? string.Empty : parentPath + ConfigurationPath.KeyDelimiter;
        var children = _aliasesByKey.Keys
            .Where(key => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && AliasSetting(key) is not null)
            .Select(key => key[prefix.Length..].Split(ConfigurationPath.KeyDelimiter)[0]);
        return earlierKeys.Concat(children).Order(ConfigurationKeyComparer.Instance);
    }
}

public static class SettingAliasesExtensions
{
    /// <summary>Maps the aliases onto their keys in a host's configuration (call before anything reads it).</summary>
    public static IConfigurationManager AddSettingAliases(this IConfigurationManager configuration, IEnumerable<SettingAlias> aliases)
    {
        var source = new SettingAliasesSource(aliases) { Root = configuration };
        configuration.Sources.Add(source);
        return configuration;
    }

    /// <summary>Builds a configuration whose aliases set their keys (tools and tests that build their own).</summary>
    public static IConfigurationRoot BuildWithAliases(this IConfigurationBuilder builder, IEnumerable<SettingAlias> aliases)
    {
        var source = new SettingAliasesSource(aliases);
        builder.Add(source);
        var root = builder.Build();
        source.Root = root;
        return root;
    }
}
