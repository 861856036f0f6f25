using System.Data.Common;
using System.Text;
using Dapper;

namespace Concierge.Storage;

/// <summary>
/// Several writes sent as one command: one multi-row INSERT per table, parameters numbered per
/// row. PostgreSQL receives the statements in one round trip and SQLite prepares each once, where
/// a statement per row cost a round trip (or a prepare) per row. Made for the handful of rows a
/// turn writes: every value is a parameter, and both engines cap a command's parameters.
/// </summary>
internal sealed class SqlBatch(Database database)
{
    private readonly StringBuilder _sql = new();
    private readonly DynamicParameters _parameters = new();
    private int _rows;

    /// <summary>Runs the batch in <paramref name="transaction"/>; an empty batch sends nothing.</summary>
    public Task ExecuteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        _sql.Length == 0
            ? Task.CompletedTask
            : PreparedStatements.ExecuteAsync(connection, new CommandDefinition(_sql.ToString(), _parameters, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Adds <c>INSERT INTO table (columns) VALUES (...), (...)</c>. Each row gives one value per
    /// column, in order; the columns named in <paramref name="jsonColumns"/> take JSON text.
    /// </summary>
    public SqlBatch Insert(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, params string[] jsonColumns) =>
        Add(table, columns, rows, jsonColumns, ignoreConflicts: false);

    /// <summary>
    /// As <see cref="Insert"/>, but a row that would break a unique index (a job's dedup key) is
    /// skipped instead of failing the batch: <c>ON CONFLICT DO NOTHING</c>, which both SQLite
    /// (3.24+) and PostgreSQL accept without a conflict target, so the SQL stays shared.
    /// </summary>
    public SqlBatch InsertIgnoringConflicts(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, params string[] jsonColumns) =>
        Add(table, columns, rows, jsonColumns, ignoreConflicts: true);

    private SqlBatch Add(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string[] jsonColumns, bool ignoreConflicts)
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
                _parameters.Add(name, row[i]);
                _sql.Append(i == 0 ? string.Empty : ", ").Append(jsonColumns.Contains(columns[i]) ? database.Json(name) : "@" + name);
            }

            _sql.Append(')');
            _rows++;
            first = false;
        }

        if (!first)
        {
            _sql.Append(ignoreConflicts ? " ON CONFLICT DO NOTHING;\n" : ";\n");
        }

        return this;
    }
}
