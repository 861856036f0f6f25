using System.Diagnostics;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Router;

/// <summary>GET /router/openapi.json: what a Custom GPT's Actions import, checked by hand and by an outside linter (@redocly/cli).</summary>
public sealed class RouterOpenApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_has_only_the_router_operations_each_with_an_id_a_short_description_and_examples_and_servers_from_public_api_base()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), settings: new() { ["PUBLIC_API_BASE"] = "https://api.example.org/" });

        var document = await app.Client().GetJsonAsync("/router/openapi.json");

        Assert.Equal("3.1.0", (string?)document["openapi"]);
        Assert.Equal("https://api.example.org", (string?)document["servers"]![0]!["url"]);
        var paths = document["paths"]!.AsObject();
        Assert.Equal(["/router/search-by-location", "/router/delegate", "/chat"], paths.Select(p => p.Key));
        var operations = paths.SelectMany(p => p.Value!.AsObject()).Select(o => o.Value!.AsObject()).ToList();
        Assert.Equal(["searchShopsByLocation", "delegateToShop", "sendMessageToShop"], operations.Select(o => (string?)o["operationId"]));
        Assert.All(operations, o => Assert.InRange(((string?)o["description"])!.Length, 40, 299));
        Assert.All(operations[..2], o => Assert.Contains("a minute per IP", (string?)o["description"], StringComparison.Ordinal));
        Assert.All(operations, o => Assert.NotNull(o["requestBody"]!["content"]!["application/json"]!["example"]));
        Assert.All(operations, o => Assert.NotNull(o["responses"]!["200"]!["content"]!["application/json"]!["example"]));
        Assert.Empty(document["security"]!.AsArray());
        Assert.Null(document["components"]!["securitySchemes"]);
    }

    [Fact]
    public async Task With_a_router_key_the_document_declares_it_and_the_routes_require_it()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), settings: new() { ["ROUTER_AGENT_KEY"] = "pk_demo_assistant" });
        var client = app.FromIp("192.0.2.77");

        var document = await client.GetJsonAsync("/router/openapi.json");
        using var without = await client.PostAsync("/router/search-by-location", Json.Body("""{"latitude":40.72,"longitude":-74}"""), Ct);
        var keyed = app.FromIp("192.0.2.77");
        keyed.DefaultRequestHeaders.Add("X-Agent-Key", "pk_demo_assistant");
        using var with = await keyed.PostAsync("/router/search-by-location", Json.Body("""{"latitude":40.72,"longitude":-74}"""), Ct);

        var scheme = document["components"]!["securitySchemes"]!["agentKey"]!;
        Assert.Equal("apiKey", (string?)scheme["type"]);
        Assert.Equal("header", (string?)scheme["in"]);
        Assert.Equal("X-Agent-Key", (string?)scheme["name"]);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, with.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Redocly_lints_the_document_with_no_errors(bool apiKey)
    {
        var root = RepositoryRoot();
        var cli = Path.Combine(root, "tools", "redocly", "node_modules", "@redocly", "cli", "bin", "cli.js");
        if (!File.Exists(cli) || !HasNode())
        {
            var why = $"@redocly/cli is not installed in tools/redocly (run `npm ci` there, as test.sh does): the OpenAPI lint did not run.";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), why);
            Assert.Skip(why);
        }

        var settings = apiKey ? new Dictionary<string, string?> { ["ROUTER_AGENT_KEY"] = "pk_demo" } : null;
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), settings: settings);
        var document = await app.Client().GetJsonAsync("/router/openapi.json");
        var file = Path.Combine(Path.GetTempPath(), $"router-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document.ToJsonString(), Ct);
        try
        {
            var start = new ProcessStartInfo("node", [cli, "lint", "--format=stylish", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(cli)!,
            };
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            start.Environment["NO_COLOR"] = "1";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(Ct);
            var error = process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            var all = await output + await error;

            Assert.True(process.ExitCode == 0, all);
            Assert.Contains("valid", all, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" error ", all, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static bool HasNode()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            node!.WaitForExit(10_000);
            return node.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Concierge.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Concierge.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
