using Concierge.Agents;
using Concierge.Server.Accounts;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeGraph;
using Concierge.Testing.FakeOpenAi;
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
        App = new ConciergeApp(await TestDatabase.CreateAsync(_kind), await SettingsAsync());
        Address = App.StartListening();
        var accounts = App.Services.GetRequiredService<AccountService>();
        await accounts.AddUserAsync(DemoTenant.TenantId, AdminEmail, Password, "admin", CancellationToken.None);
        await accounts.AddUserAsync(DemoTenant.TenantId, OperatorEmail, Password, "operator", CancellationToken.None);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The server's settings beyond the test defaults (a fake model's address, say).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>?> SettingsAsync() => Task.FromResult<IReadOnlyDictionary<string, string?>?>(null);
}

/// <summary>The same server (SQLite) with a fake OpenAI model and a fake Meta Graph API, so that turns make model calls and templates can be submitted.</summary>
public sealed class FakesConsoleServer : ConsoleServer
{
    public const string WabaId = "102290129340398";

    public FakeOpenAiServer Model { get; private set; } = null!;

    public FakeGraphServer Graph { get; private set; } = null!;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Model.DisposeAsync();
        await Graph.DisposeAsync();
    }

    protected override async Task<IReadOnlyDictionary<string, string?>?> SettingsAsync()
    {
        Model = await FakeOpenAiServer.StartAsync();
        Graph = await FakeGraphServer.StartAsync(CancellationToken.None);
        return new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-console-0123456789",
            ["OPENAI_BASE_URL"] = Model.BaseUrl.ToString(),
            ["WHATSAPP_GRAPH_BASE_URL"] = Graph.BaseUrl.ToString(),
            ["WHATSAPP_GRAPH_VERSION"] = "v21.0",
            ["WHATSAPP_WABA_ID"] = WabaId,
            ["WHATSAPP_ACCESS_TOKEN"] = "EAAG-console-test-token",
        };
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
