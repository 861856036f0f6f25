using Concierge.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Concierge.Storage;

/// <summary>
/// <c>dotnet Concierge.Server.dll migrate</c>: applies the migrations (and the demo seed) and
/// exits, so that a deployment can migrate once before starting its instances.
/// </summary>
public static class StorageCommands
{
    public const string Migrate = "migrate";

    /// <summary>True when the command line asks for the migrate command.</summary>
    public static bool IsMigrate(string[] args) => args.Length > 0 && string.Equals(args[0], Migrate, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Migrates with the host's services (after <c>AddConciergeStorage</c>); returns the exit code:
    /// 0 done, 1 the database failed (logged with the exception).
    /// </summary>
    public static async Task<int> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        try
        {
            await services.MigrateDatabaseAsync(cancellationToken);
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageCommands).FullName!).LogError(ex, "Migration failed");
            return 1;
        }
    }

    /// <summary>
    /// Migrates without a web host (its own small service provider); returns 0 done, 1 the
    /// database failed, 2 bad configuration (its one-line message written to <paramref name="error"/>).
    /// </summary>
    public static async Task<int> MigrateAsync(IConfiguration configuration, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection().AddLogging();
        try
        {
            services.AddConciergeStorage(configuration);
        }
        catch (InvalidSettingException ex)
        {
            await (error ?? Console.Error).WriteLineAsync(ex.Message);
            return 2;
        }

        await using var provider = services.BuildServiceProvider();
        return await MigrateAsync(provider, cancellationToken);
    }
}
