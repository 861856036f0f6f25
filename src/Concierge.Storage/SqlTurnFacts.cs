using Dapper;

namespace Concierge.Storage;

/// <summary>
/// What the transcript shows of each turn: its action, source and duration, from the session's
/// <c>turn_completed</c> events (found by ix_events_session), keyed by the sequence of the reply
/// that closed the turn. Events written before they named their reply have none and are left out.
/// </summary>
public sealed class SqlTurnFacts(Database database)
{
    /// <summary>The facts of the turns whose replies are numbered <paramref name="first"/> to <paramref name="last"/> (a page of the transcript).</summary>
    public async Task<IReadOnlyDictionary<int, TurnFacts>> ForRepliesAsync(Guid tenantId, Guid sessionId, int first, int last, CancellationToken cancellationToken)
    {
        // Only the page's turns are parsed and sent back, not every turn of a long session.
        var replySequence = database.Provider == DatabaseProvider.Sqlite
            ? "json_extract(data, '$.reply_sequence')"
            : "CAST(data->>'reply_sequence' AS integer)";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT data FROM events WHERE session_id = @sessionId AND tenant_id = @tenantId AND name = 'turn_completed' AND {replySequence} BETWEEN @first AND @last",
            new { tenantId = database.Id(tenantId), sessionId = database.Id(sessionId), first, last },
            cancellationToken: cancellationToken));
        var facts = new Dictionary<int, TurnFacts>();
        foreach (var row in rows)
        {
            var data = row.ObjectOrNull("data");
            if (data?["reply_sequence"]?.GetValue<int>() is not { } sequence)
            {
                continue;
            }

            facts[sequence] = new TurnFacts(
                (string?)data["action"] ?? string.Empty,
                (string?)data["source"] ?? string.Empty,
                data["duration_ms"]?.GetValue<long>());
        }

        return facts;
    }
}

/// <summary>One turn's action, source and duration in milliseconds (null when not recorded).</summary>
public sealed record TurnFacts(string Action, string Source, long? DurationMs);
