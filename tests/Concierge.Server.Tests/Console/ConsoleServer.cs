using Concierge.Agents;
using Concierge.Server.Accounts;
using Concierge.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.OperatorsConsole;

/// <summary>
/// One Concierge (offline skills) on a real port for a class of console tests, with an admin and
/// an operator of the demo tenant who sign in with <see cref="Password"/>.
/// </summary>
public class ConsoleServer : IAsyncLifetime
{
    public const string Password = "console test password 1";

    public const string AdminEmail = "admin@console.example.com";

    public const string OperatorEmail = "operator@console.example.com";

    private readonly DatabaseKind _kind;

    public ConsoleServer()
        : this(DatabaseKind.Sqlite)
    {
    }

    // xunit needs a fixture's public constructor to be its only one.
    protected ConsoleServer(DatabaseKind kind) => _kind = kind;

    public ConciergeApp App { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = new ConciergeApp(await TestDatabase.CreateAsync(_kind));
        Address = App.StartListening();
        var accounts = App.Services.GetRequiredService<AccountService>();
        await accounts.AddUserAsync(DemoTenant.TenantId, AdminEmail, Password, "admin", CancellationToken.None);
        await accounts.AddUserAsync(DemoTenant.TenantId, OperatorEmail, Password, "operator", CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same server on PostgreSQL.</summary>
public sealed class PostgresConsoleServer : ConsoleServer
{
    public PostgresConsoleServer()
        : base(DatabaseKind.Postgres)
    {
    }
}
