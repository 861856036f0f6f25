using System.Text.RegularExpressions;

namespace Concierge.Storage.Lifecycle;

/// <summary>
/// A table whose rows the analytics retention (<c>ANALYTICS_RETENTION_DAYS</c>) deletes once
/// <see cref="TimeColumn"/> is older than the period, a batch of rows by <see cref="KeyColumn"/> at
/// a time. A feature with its own analytics table adds one registration next to its store:
/// <c>services.AddSingleton(new RetainedTable("router_events", "created_at"))</c>.
/// </summary>
public sealed partial record RetainedTable
{
    public RetainedTable(string table, string timeColumn, string keyColumn = "id")
    {
        Table = Identifier(table, nameof(table));
        TimeColumn = Identifier(timeColumn, nameof(timeColumn));
        KeyColumn = Identifier(keyColumn, nameof(keyColumn));
    }

    public string Table { get; }

    public string TimeColumn { get; }

    public string KeyColumn { get; }

    /// <summary>The analytics tables of the core: the events every turn writes and the usage ledger.</summary>
    public static IReadOnlyList<RetainedTable> Core { get; } = [new("events", "created_at"), new("model_usage", "started_at")];

    // The names go into SQL text: code supplies them, and only plain identifiers pass.
    private static string Identifier(string name, string parameter) =>
        name is not null && PlainIdentifier().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not a plain SQL identifier.", parameter);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();
}
