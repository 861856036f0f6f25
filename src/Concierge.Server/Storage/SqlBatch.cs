using System.Text;
using Dapper;

namespace Concierge.Server.Storage;

/// <summary>
/// Several writes sent as one command: one multi-row INSERT per table, parameters numbered per
/// row. PostgreSQL receives the statements in one round trip and SQLite prepares each once, where
/// a statement per row cost a round trip (or a prepare) per row.
/// </summary>
internal sealed class SqlBatch(Database database)
{
    private readonly StringBuilder _sql = new();
    private int _rows;

    public DynamicParameters Parameters { get; } = new();

    public bool IsEmpty => _sql.Length == 0;

    public string Sql => _sql.ToString();

    /// <summary>
    /// Adds <c>INSERT INTO table (columns) VALUES (...), (...)</c>. Each row gives one value per
    /// column, in order; the columns named in <paramref name="jsonColumns"/> take JSON text.
    /// </summary>
    public SqlBatch Insert(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, params string[] jsonColumns)
    {
        var first = true;
        foreach (var row in rows)
        {
            if (row.Length != columns.Count)
            {
                throw new ArgumentException($"A row for {table} has {row.Length} values for {columns.Count} columns.", nameof(rows));
            }

            _sql.Append(first ? $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES " : ", ").Append('(');
            for (var i = 0; i < columns.Count; i++)
            {
                var name = $"r{_rows}_{columns[i]}";
                Parameters.Add(name, row[i]);
                _sql.Append(i == 0 ? string.Empty : ", ").Append(jsonColumns.Contains(columns[i]) ? database.Json(name) : "@" + name);
            }

            _sql.Append(')');
            _rows++;
            first = false;
        }

        if (!first)
        {
            _sql.Append(";\n");
        }

        return this;
    }
}
