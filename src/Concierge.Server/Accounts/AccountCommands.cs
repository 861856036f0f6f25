using System.CommandLine;
using System.Globalization;
using Concierge.Storage;
using Concierge.Tenants;

namespace Concierge.Server.Accounts;

/// <summary>
/// The operator commands on the built server: <c>tenants add|list</c>, <c>users add|list</c>,
/// <c>keys add|revoke</c>. They migrate the database first (so they work on a fresh one), apply
/// the same rules as the admin API, print one clear error and exit non-zero on bad input
/// (1 bad input or conflict, 2 bad configuration).
/// </summary>
public static class AccountCommands
{
    private static readonly string[] Nouns = ["tenants", "users", "keys"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Nouns.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextReader input, TextWriter output, TextWriter error)
    {
        var services = new ServiceCollection().AddLogging();
        try
        {
            services.AddConciergeStorage(configuration);
        }
        catch (InvalidSettingException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AccountService>();
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateDatabaseAsync(CancellationToken.None);
        var accounts = provider.GetRequiredService<AccountService>();
        var root = Build(accounts, input, output);
        var parse = root.Parse(args);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is AccountInputException or AccountConflictException or CommandException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private static RootCommand Build(AccountService accounts, TextReader input, TextWriter output)
    {
        var slug = new Argument<string>("slug") { Description = "The tenant's slug (lowercase letters, digits, dashes)." };
        var tenantName = new Option<string?>("--name") { Description = "The tenant's display name (default: the slug)." };
        var tenantsAdd = new Command("add", "Create a tenant with the stock agents.") { slug, tenantName };
        tenantsAdd.SetAction(async (p, ct) =>
        {
            var tenant = await accounts.AddTenantAsync(p.GetValue(slug), p.GetValue(tenantName), ct);
            await output.WriteLineAsync($"tenant {tenant.Slug} {tenant.Id} created");
            return 0;
        });
        var tenantsList = new Command("list", "List tenants.");
        tenantsList.SetAction(async (_, ct) =>
        {
            foreach (var t in await accounts.Store.ListTenantsAsync(ct))
            {
                await output.WriteLineAsync($"{t.Slug}\t{t.Id}\t{t.Name}");
            }

            return 0;
        });

        var userTenant = new Argument<string>("tenant-slug");
        var username = new Argument<string>("username");
        var role = new Option<string>("--role") { Required = true, Description = "admin, operator or customer." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input." };
        var usersAdd = new Command("add", "Create a user.") { userTenant, username, role, passwordStdin };
        usersAdd.SetAction(async (p, ct) =>
        {
            var tenant = await TenantAsync(accounts, p.GetValue(userTenant), ct);
            if (!p.GetValue(passwordStdin))
            {
                throw new CommandException("give the password on standard input with --password-stdin (never as an argument).");
            }

            var password = await input.ReadLineAsync(ct);
            var user = await accounts.AddUserAsync(tenant.Id, p.GetValue(username), password, p.GetValue(role), ct);
            await output.WriteLineAsync($"user {user.Username} ({user.Role.ToWire()}) {user.Id} created in {tenant.Slug}");
            return 0;
        });
        var listTenant = new Argument<string>("tenant-slug");
        var usersList = new Command("list", "List a tenant's users.") { listTenant };
        usersList.SetAction(async (p, ct) =>
        {
            var tenant = await TenantAsync(accounts, p.GetValue(listTenant), ct);
            foreach (var u in await accounts.Store.ListUsersAsync(tenant.Id, ct))
            {
                await output.WriteLineAsync($"{u.Username}\t{u.Role.ToWire()}\t{u.Id}");
            }

            return 0;
        });

        var deleteName = new Argument<string>("username");
        var usersDelete = new Command("delete", "Delete a user; their tokens stop working.") { deleteName };
        usersDelete.SetAction(async (p, ct) =>
        {
            var name = AccountFields.Username(p.GetValue(deleteName));
            var found = await accounts.Store.FindUserByUsernameAsync(name, ct) ?? throw new CommandException($"no user is named '{name}'.");
            await accounts.Store.DeleteUserAsync(null, found.Id, ct);
            await output.WriteLineAsync($"user {found.Username} {found.Id} deleted");
            return 0;
        });

        var keyTenant = new Argument<string>("tenant-slug");
        var keyRole = new Option<string>("--role") { Required = true, Description = "admin or operator." };
        var keyName = new Option<string>("--name") { Required = true, Description = "A label for the key." };
        var keysAdd = new Command("add", "Create an API key; the key is printed alone on the last line, this once.") { keyTenant, keyRole, keyName };
        keysAdd.SetAction(async (p, ct) =>
        {
            var tenant = await TenantAsync(accounts, p.GetValue(keyTenant), ct);
            var (key, secret) = await accounts.AddKeyAsync(tenant.Id, p.GetValue(keyName), p.GetValue(keyRole), ct);
            await output.WriteLineAsync($"key {key.Id} ({key.Role.ToWire()}, '{key.Name}') created in {tenant.Slug}; it is shown only now:");
            await output.WriteLineAsync(secret);
            return 0;
        });
        var keyId = new Argument<string>("key-id");
        var keysRevoke = new Command("revoke", "Revoke an API key.") { keyId };
        keysRevoke.SetAction(async (p, ct) =>
        {
            var raw = p.GetValue(keyId);
            var key = Guid.TryParse(raw, CultureInfo.InvariantCulture, out var id) ? await accounts.Store.RevokeKeyAsync(null, id, ct) : null;
            if (key is null)
            {
                throw new CommandException($"no API key has the id '{raw}'.");
            }

            await output.WriteLineAsync($"key {key.Id} revoked");
            return 0;
        });

        return new RootCommand("Concierge accounts")
        {
            new Command("tenants", "Tenants.") { tenantsAdd, tenantsList },
            new Command("users", "Users.") { usersAdd, usersList, usersDelete },
            new Command("keys", "API keys.") { keysAdd, keysRevoke },
        };
    }

    private static async Task<Tenant> TenantAsync(AccountService accounts, string? slug, CancellationToken cancellationToken) =>
        await accounts.Store.FindTenantAsync(AccountFields.Slug(slug, "tenant-slug"), cancellationToken)
        ?? throw new CommandException($"no tenant has the slug '{slug}'.");

    private sealed class CommandException(string message) : Exception(message);
}
