using System.Diagnostics;
using Dapper;

namespace Concierge.Storage;

/// <summary>What /health reports about the database.</summary>
/// <param name="Error">Null when ok; otherwise only the exception's class name ("NpgsqlException",
/// "TimeoutException"...), because driver messages can carry host names and user names.</param>
public sealed record DatabaseProbeResult(bool Ok, string Provider, string? Error, TimeSpan Elapsed)
{
    /// <summary>"ok", or the error's class name: the value of /health's "db" field.</summary>
    public string Status => Ok ? "ok" : Error ?? "error";
}

/// <summary>Checks that the database answers a trivial query quickly.</summary>
public sealed class DatabaseProbe(Database database)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public async Task<DatabaseProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = await database.OpenAsync(timeout.Token);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT 1", commandTimeout: (int)Math.Ceiling(Timeout.TotalSeconds), cancellationToken: timeout.Token));
            return new DatabaseProbeResult(true, database.ProviderName, null, watch.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DatabaseProbeResult(false, database.ProviderName, nameof(TimeoutException), watch.Elapsed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new DatabaseProbeResult(false, database.ProviderName, ex.GetType().Name, watch.Elapsed);
        }
    }
}
