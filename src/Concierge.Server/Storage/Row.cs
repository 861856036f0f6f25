using System.Globalization;
using System.Text.Json.Nodes;

namespace Concierge.Server.Storage;

/// <summary>
/// One result row read by column name, converting what either provider returns (SQLite gives
/// TEXT guids and times and 64-bit integers; Npgsql gives uuid, DateTime and int) into one shape.
/// </summary>
internal readonly struct Row(IDictionary<string, object?> values)
{
    public static Row Of(object dapperRow) => new((IDictionary<string, object?>)dapperRow);

    private object? this[string column] =>
        values.TryGetValue(column, out var value)
            ? value is DBNull ? null : value
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

    public int Int(string column) => Convert.ToInt32(this[column] ?? throw Null(column), CultureInfo.InvariantCulture);

    public int? IntOrNull(string column) => this[column] is { } v ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : null;

    public long Long(string column) => Convert.ToInt64(this[column] ?? throw Null(column), CultureInfo.InvariantCulture);

    public double Double(string column) => Convert.ToDouble(this[column] ?? throw Null(column), CultureInfo.InvariantCulture);

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
    /// <summary>Runs a query and reads its rows by column name (Dapper maps <c>object</c> to its dynamic row).</summary>
    public static async Task<IReadOnlyList<Row>> QueryRowsAsync(this System.Data.Common.DbConnection connection, Dapper.CommandDefinition command)
    {
        var rows = await Dapper.SqlMapper.QueryAsync<object>(connection, command);
        return rows.Select(Row.Of).ToList();
    }

    public static async Task<Row?> QueryRowAsync(this System.Data.Common.DbConnection connection, Dapper.CommandDefinition command)
    {
        var row = await Dapper.SqlMapper.QueryFirstOrDefaultAsync<object>(connection, command);
        return row is null ? null : Row.Of(row);
    }
}
