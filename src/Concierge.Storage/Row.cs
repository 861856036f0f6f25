using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Concierge.Storage;

/// <summary>
/// One result row read by column name, converting what either provider returns (SQLite gives
/// TEXT guids and times and 64-bit integers; Npgsql gives uuid, DateTime and int) into one shape.
/// </summary>
internal readonly struct Row(IReadOnlyDictionary<string, int> columns, object?[] values)
{
    private object? this[string column] =>
        columns.TryGetValue(column, out var ordinal)
            ? values[ordinal] is DBNull ? null : values[ordinal]
            : throw new InvalidOperationException($"The query returned no column '{column}'.");

    public Guid Guid(string column) => GuidOrNull(column) ?? throw Null(column);

    public Guid? GuidOrNull(string column) => this[column] switch
    {
        null => null,
        Guid g => g,
        string s => System.Guid.Parse(s),
        byte[] b => new Guid(b),
        var other => throw new FormatException($"Column '{column}' holds a {other.GetType().Name}, not a guid."),
    };

    public string String(string column) => StringOrNull(column) ?? throw Null(column);

    public string? StringOrNull(string column) => this[column] is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    public byte[] Bytes(string column) => this[column] as byte[] ?? throw Null(column);

    public byte[]? BytesOrNull(string column) => this[column] as byte[];

    public int Int(string column) => Convert.ToInt32(this[column] ?? throw Null(column), CultureInfo.InvariantCulture);

    public int? IntOrNull(string column) => this[column] is { } v ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : null;

    public long Long(string column) => Convert.ToInt64(this[column] ?? throw Null(column), CultureInfo.InvariantCulture);

    public double Double(string column) => Convert.ToDouble(this[column] ?? throw Null(column), CultureInfo.InvariantCulture);

    public double? DoubleOrNull(string column) => this[column] is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;

    public decimal? DecimalOrNull(string column) => this[column] is { } v ? Convert.ToDecimal(v, CultureInfo.InvariantCulture) : null;

    public bool Bool(string column) => this[column] switch
    {
        bool b => b,
        null => throw Null(column),
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0,
    };

    public DateTimeOffset Time(string column) => SqlTime.Read(this[column] ?? throw Null(column));

    public DateTimeOffset? TimeOrNull(string column) => this[column] is { } v ? SqlTime.Read(v) : null;

    public JsonNode? JsonOrNull(string column) => StringOrNull(column) is { } text ? JsonNode.Parse(text) : null;

    public JsonObject? ObjectOrNull(string column) => JsonOrNull(column)?.AsObject();

    private static InvalidOperationException Null(string column) => new($"Column '{column}' is unexpectedly null.");
}

internal static class RowQueries
{
    // Rows are copied straight off the data reader: Dapper's dynamic rows cost a dictionary-like
    // object per row and showed up on the turn's hot path in profiles (docs/benchmarks.md).

    /// <summary>Runs a query and reads its rows by column name.</summary>
    public static async Task<IReadOnlyList<Row>> QueryRowsAsync(this DbConnection connection, Dapper.CommandDefinition command)
    {
        await using var reader = await PreparedStatements.ExecuteReaderAsync(connection, command);
        return await ReadRowsAsync(reader, command.CancellationToken);
    }

    /// <summary>Runs a command of several queries (one round trip) and reads each one's rows.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<Row>>> QueryRowSetsAsync(this DbConnection connection, Dapper.CommandDefinition command)
    {
        await using var reader = await PreparedStatements.ExecuteReaderAsync(connection, command);
        var sets = new List<IReadOnlyList<Row>>();
        do
        {
            sets.Add(await ReadRowsAsync(reader, command.CancellationToken));
        }
        while (await reader.NextResultAsync(command.CancellationToken));

        return sets;
    }

    public static async Task<Row?> QueryRowAsync(this DbConnection connection, Dapper.CommandDefinition command)
    {
        await using var reader = await PreparedStatements.ExecuteReaderAsync(connection, command);
        return await reader.ReadAsync(command.CancellationToken) ? Read(reader, Columns(reader)) : null;
    }

    /// <summary>The rows of the reader's current result set.</summary>
    private static async Task<List<Row>> ReadRowsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var columns = Columns(reader);
        var rows = new List<Row>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader, columns));
        }

        return rows;
    }

    private static Dictionary<string, int> Columns(DbDataReader reader)
    {
        var columns = new Dictionary<string, int>(reader.FieldCount, StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            columns[reader.GetName(i)] = i;
        }

        return columns;
    }

    private static Row Read(DbDataReader reader, Dictionary<string, int> columns)
    {
        var values = new object?[reader.FieldCount];
        reader.GetValues(values!);
        return new Row(columns, values);
    }
}
