using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Concierge.Storage.Migrations;

/// <summary>One versioned SQL file, embedded from Storage/Migrations/{sqlite|postgres}/NNNN_name.sql.</summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    /// <summary>The provider's migrations in version order.</summary>
    public static IReadOnlyList<Migration> For(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        var assembly = typeof(Migration).Assembly;
        var prefix = $".Storage.Migrations.{folder}.";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var at = resource.IndexOf(prefix, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var file = resource[(at + prefix.Length)..];
            var match = FileName().Match(file);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration file '{file}' is not named NNNN_name.sql.");
            }

            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                Read(assembly, resource)));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? throw new InvalidOperationException($"Two {folder} migrations share version {duplicate.Key}.")
            : migrations.OrderBy(m => m.Version).ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d+)_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}
