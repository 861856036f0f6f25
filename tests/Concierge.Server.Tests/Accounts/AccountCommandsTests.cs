using Concierge.Configuration;
using Concierge.Server.Accounts;
using Concierge.Server.Configuration;
using Concierge.Server.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Concierge.Server.Tests.Accounts;

public sealed class AccountCommandsTests
{
    [Fact]
    public async Task The_commands_create_a_tenant_a_user_and_a_key_and_the_key_is_alone_on_the_last_line()
    {
        var config = await ConfigAsync();

        var (tenantCode, _, _) = await RunAsync(config, null, "tenants", "add", "acme", "--name", "Acme Inc");
        var (userCode, userOut, _) = await RunAsync(config, "a long password\n", "users", "add", "acme", "ana@acme.com", "--role", "admin", "--password-stdin");
        var (keyCode, keyOut, _) = await RunAsync(config, null, "keys", "add", "acme", "--role", "operator", "--name", "crm");
        var (listCode, listOut, _) = await RunAsync(config, null, "users", "list", "acme");
        var (tenantsCode, tenantsOut, _) = await RunAsync(config, null, "tenants", "list");
        var key = keyOut.TrimEnd().Split('\n')[^1];
        var keyId = keyOut.Split(' ')[1];
        var (revokeCode, _, _) = await RunAsync(config, null, "keys", "revoke", keyId);
        var (deleteCode, deleteOut, _) = await RunAsync(config, null, "users", "delete", "ana@acme.com");
        var (_, afterOut, _) = await RunAsync(config, null, "users", "list", "acme");
        var (missingCode, _, missingError) = await RunAsync(config, null, "users", "delete", "ana@acme.com");

        Assert.Equal([0, 0, 0, 0, 0, 0, 0], new[] { tenantCode, userCode, keyCode, listCode, tenantsCode, revokeCode, deleteCode });
        Assert.Contains("deleted", deleteOut, StringComparison.Ordinal);
        Assert.DoesNotContain("ana@acme.com", afterOut, StringComparison.Ordinal);
        Assert.NotEqual(0, missingCode);
        Assert.Contains("ana@acme.com", missingError, StringComparison.Ordinal);
        Assert.Contains("ana@acme.com", userOut, StringComparison.Ordinal);
        Assert.StartsWith("ck_live_", key, StringComparison.Ordinal);
        Assert.Contains("ana@acme.com\tadmin", listOut, StringComparison.Ordinal);
        Assert.Contains("acme\t", tenantsOut, StringComparison.Ordinal);
        Assert.Contains("demo\t", tenantsOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tenants", "add", "Not A Slug")]
    [InlineData("users", "add", "nope", "ana@acme.com", "--role", "admin", "--password-stdin")]
    [InlineData("users", "add", "demo", "ana@acme.com", "--role", "root", "--password-stdin")]
    [InlineData("keys", "add", "demo", "--name", "crm")]
    [InlineData("keys", "add", "demo", "--role", "customer", "--name", "crm")]
    [InlineData("keys", "revoke", "not-an-id")]
    public async Task Bad_input_prints_one_error_and_exits_non_zero(params string[] args)
    {
        var config = await ConfigAsync();

        var (code, _, error) = await RunAsync(config, "a long password\n", args);

        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "SECRET_KEY: is required")]
    [InlineData("short", "SECRET_KEY: must be at least 32")]
    [InlineData("your-super-secret-key-change-in-production", "SECRET_KEY: is a known default")]
    public void Outside_development_a_missing_short_or_default_secret_key_stops_the_start(string? secret, string message)
    {
        var config = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SECRET_KEY"] = secret }));

        var e = Assert.Throws<InvalidSettingException>(() => AuthSettings.Bind(config, new Environment(Environments.Production)));
        var generated = AuthSettings.Bind(config.GetSection("none"), new Environment(Environments.Development));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.True(generated.KeyGenerated);
    }

    [Fact]
    public void Development_without_a_secret_key_makes_one_once_and_signs_with_it_after_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("concierge-devkey-").FullName;
        var development = new Environment(Environments.Development) { ContentRootPath = folder };
        var none = new ConfigurationBuilder().Build();

        var first = AuthSettings.Bind(none, development);
        var second = AuthSettings.Bind(none, development);
        var elsewhere = AuthSettings.Bind(none, new Environment(Environments.Development) { ContentRootPath = Directory.CreateTempSubdirectory("concierge-devkey-").FullName });

        Assert.Equal(first.SigningKey, second.SigningKey);
        Assert.NotEqual(first.SigningKey, elsewhere.SigningKey);
        Assert.True(File.Exists(Path.Combine(folder, AuthSettings.DevelopmentSecretFile)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, AuthSettings.DevelopmentSecretFile)));
        }
    }

    private static async Task<IConfiguration> ConfigAsync() =>
        Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DATABASE_URL"] = await TestDatabase.CreateAsync(DatabaseKind.Sqlite) }));

    private static async Task<(int Code, string Output, string Error)> RunAsync(IConfiguration config, string? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AccountCommands.RunAsync(args, config, new StringReader(input ?? string.Empty), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Concierge.Server";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
