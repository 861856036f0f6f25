using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Concierge.Storage;

/// <summary>
/// Runs a Dapper <see cref="CommandDefinition"/> through a <see cref="ReusableSqliteConnection"/>'s
/// prepared command when it can, and through Dapper otherwise (PostgreSQL, whose Npgsql prepares
/// automatically; and any parameter Dapper itself must expand, such as the list of <c>IN @ids</c>).
/// Only plain values are bound here (text, integers, reals, booleans, blobs, null), which
/// Microsoft.Data.Sqlite binds exactly as it does for Dapper's parameters.
/// </summary>
internal static class PreparedStatements
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]?> Shapes = new();

    // DynamicParameters keeps the objects given to its constructor or AddDynamicParams apart from
    // the values added by name, and lists only the latter; Dapper binds both. Without this field
    // (another Dapper version) such parameters go through Dapper.
    private static readonly FieldInfo? Templates = typeof(DynamicParameters).GetField("templates", BindingFlags.NonPublic | BindingFlags.Instance);

    public static Task<DbDataReader> ExecuteReaderAsync(DbConnection connection, CommandDefinition definition) =>
        TryPrepare(connection, definition) is { } command
            ? ReadAsync(command, definition.CancellationToken)
            : SqlMapper.ExecuteReaderAsync(connection, definition);

    public static Task<int> ExecuteAsync(DbConnection connection, CommandDefinition definition) =>
        TryPrepare(connection, definition) is { } command
            ? command.ExecuteNonQueryAsync(definition.CancellationToken)
            : connection.ExecuteAsync(definition);

    private static async Task<DbDataReader> ReadAsync(SqliteCommand command, CancellationToken cancellationToken) =>
        await command.ExecuteReaderAsync(cancellationToken);

    private static SqliteCommand? TryPrepare(DbConnection connection, CommandDefinition definition)
    {
        if (connection is not ReusableSqliteConnection reusable || !TryReadParameters(definition.Parameters, out var values))
        {
            return null;
        }

        var command = reusable.Statement(definition.CommandText, (SqliteTransaction?)definition.Transaction);
        foreach (var (name, value) in values)
        {
            // The prefix the SQL uses, so that binding finds each name at its first try.
            command.Parameters.Add(new SqliteParameter("@" + name, value ?? DBNull.Value));
        }

        return command;
    }

    private static bool TryReadParameters(object? parameters, out List<(string Name, object? Value)> values)
    {
        values = [];
        switch (parameters)
        {
            case null:
                return true;
            case DynamicParameters dynamic:
                if (Templates is null)
                {
                    return false;
                }

                foreach (var template in Templates.GetValue(dynamic) as IEnumerable<object> ?? [])
                {
                    if (!TryReadObject(template, values))
                    {
                        return false;
                    }
                }

                // A value added by name wins over a template's of the same name, as in Dapper.
                var lookup = (SqlMapper.IParameterLookup)dynamic;
                foreach (var name in dynamic.ParameterNames)
                {
                    values.RemoveAll(v => v.Name == name);
                    values.Add((name, lookup[name]));
                }

                break;
            default:
                if (!TryReadObject(parameters, values))
                {
                    return false;
                }

                break;
        }

        return values.TrueForAll(v => IsPlain(v.Value));
    }

    private static bool TryReadObject(object parameters, List<(string Name, object? Value)> values)
    {
        if (Shapes.GetOrAdd(parameters.GetType(), ShapeOf) is not { } properties)
        {
            return false;
        }

        foreach (var property in properties)
        {
            values.Add((property.Name, property.GetValue(parameters)));
        }

        return true;
    }

    // Anonymous objects only: any other type may carry Dapper type handlers or conventions.
    private static PropertyInfo[]? ShapeOf(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && type.Name.Contains("AnonymousType", StringComparison.Ordinal)
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            : null;

    private static bool IsPlain(object? value) =>
        value is null or DBNull or string or long or int or short or byte or bool or double or float or byte[];
}
