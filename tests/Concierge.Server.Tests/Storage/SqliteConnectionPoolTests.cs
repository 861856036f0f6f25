using Concierge.Server.Tests.Infrastructure;
using Concierge.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Concierge.Server.Tests.Storage;

/// <summary>
/// SQLite connections go back to their database open, with their prepared statements: a caller
/// never shares one with another, never gets one with someone's transaction still open, and
/// every shape of parameters the stores pass reads the same rows as through Dapper.
/// </summary>
public sealed class SqliteConnectionPoolTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = new SqliteDatabase(DatabaseSettings.FromUrl(await TestDatabase.CreateAsync(DatabaseKind.Sqlite)));
        await using var connection = await _db.OpenAsync(Ct);
        await connection.ExecuteAsync("CREATE TABLE notes (id INTEGER PRIMARY KEY, tag TEXT NOT NULL, body TEXT)");
        await connection.ExecuteAsync("INSERT INTO notes (id, tag, body) VALUES (1, 'a', 'one'), (2, 'a', 'two'), (3, 'b', NULL)");
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_returned_connection_is_handed_out_again_with_its_prepared_statement()
    {
        var first = (ReusableSqliteConnection)await _db.OpenAsync(Ct);
        var statement = first.Statement("SELECT body FROM notes WHERE id = @id", null);
        await first.DisposeAsync();

        await using var again = (ReusableSqliteConnection)await _db.OpenAsync(Ct);
        Assert.Same(first, again);
        Assert.Same(statement, again.Statement("SELECT body FROM notes WHERE id = @id", null));
    }

    [Fact]
    public async Task A_connection_disposed_twice_is_not_handed_to_two_callers()
    {
        var connection = await _db.OpenAsync(Ct);
        await connection.DisposeAsync();
        await connection.DisposeAsync();

        await using var one = await _db.OpenAsync(Ct);
        await using var two = await _db.OpenAsync(Ct);
        Assert.NotSame(one, two);
    }

    [Fact]
    public async Task A_connection_left_inside_a_transaction_is_closed_and_its_writes_rolled_back()
    {
        var connection = (SqliteConnection)await _db.OpenAsync(Ct);
        var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync("INSERT INTO notes (id, tag) VALUES (4, 'c')", transaction: transaction);
        await connection.DisposeAsync();

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        await using var next = await _db.OpenAsync(Ct);
        Assert.NotSame(connection, next);
        Assert.Equal(3, await next.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notes"));
    }

    [Fact]
    public async Task Disposing_the_database_closes_its_idle_connections()
    {
        var connection = await _db.OpenAsync(Ct);
        await connection.DisposeAsync();

        await _db.DisposeAsync();
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task Every_shape_of_parameters_reads_the_rows_Dapper_reads()
    {
        await using var connection = await _db.OpenAsync(Ct);
        var template = new DynamicParameters(new { tag = "b", id = 1 });
        template.Add("tag", "a");
        var cases = new (string Sql, object? Parameters)[]
        {
            ("SELECT id, body FROM notes ORDER BY id", null),
            ("SELECT id, body FROM notes WHERE tag = @tag ORDER BY id", new { tag = "a" }),
            // A template given to the constructor, and a value added by name winning over its own.
            ("SELECT id, body FROM notes WHERE tag = @tag AND id >= @id ORDER BY id", template),
            // A list Dapper must expand for IN: left to Dapper.
            ("SELECT id, body FROM notes WHERE id IN @ids ORDER BY id", new { ids = new[] { 1L, 3L } }),
            ("SELECT id, body FROM notes WHERE body IS @body ORDER BY id", new { body = (string?)null }),
        };

        foreach (var (sql, parameters) in cases)
        {
            var expected = (await connection.QueryAsync<(long, string?)>(sql, parameters)).ToList();
            // Twice: the second run is the reused prepared statement with its parameters bound again.
            for (var run = 0; run < 2; run++)
            {
                var rows = await connection.QueryRowsAsync(new CommandDefinition(sql, parameters, cancellationToken: Ct));
                Assert.Equal(expected, rows.Select(r => (r.Long("id"), r.StringOrNull("body"))).ToList());
            }
        }
    }
}
