using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Server.Shops;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeGeocoder;
using Microsoft.Extensions.Configuration;

namespace Concierge.Server.Tests.Router;

/// <summary>CSV import, through the route and through <c>shops import</c>: BOM, quoting, bad rows with their lines, duplicates, geocoding that never blocks.</summary>
public sealed class ShopImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Line 1 header; line 3 a quoted address with commas and an escaped quote; line 4 a multi-line
    // quoted hours field (so line 5's row starts on line 6); bad rows on lines 6, 7, 8 and 9.
    private const string Csv =
        "slug,name,category,address,latitude,longitude,phone,hours\r\n"
        + "harlem-fades,Harlem Fades,barbershop,\"200 W 125th St, New York, NY\",40.8095,-73.9480,+1 212 555 0110,Mon-Sat 9-7\r\n"
        + ",\"Queens \"\"Best\"\" Cuts\",barbershop,\"37-10 Main St, Flushing, NY\",,,,\r\n"
        + "bronx-salon,Bronx Salon,salon,,40.85,-73.88,,\"Mon-Fri 9-5\nSat 10-2\"\r\n"
        + "bad-lat,Bad Lat,salon,,91,-73.9,,\r\n"
        + "no-category,No Category,,,40.7,-73.9,,\r\n"
        + "harlem-fades,Harlem Again,barbershop,,40.81,-73.95,,\r\n"
        + "../etc,Path,salon,,40.7,-73.9,,\r\n"
        + "chelsea-cuts,Chelsea Cuts (moved),barbershop,\"250 W 23rd St, New York, NY 10011\",40.7449,-73.9976,,Every day 10:00-21:00\r\n";

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_csv_with_a_bom_quotes_and_bad_rows_adds_updates_and_rejects_each_bad_row_with_its_line(DatabaseKind kind)
    {
        await using var fake = await FakeGeocoderServer.StartAsync(Ct);
        fake.Knows("37-10 Main St, Flushing, NY", 40.7590, -73.8300);
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(kind), fake);
        var admin = app.AdminClient();

        var dry = await ImportAsync(admin, "?dry_run=true");
        var askedByDryRun = fake.Requests.Count;
        var shopsAfterDry = (await admin.GetJsonAsync("/api/v1/shops?limit=200"))["shops"]!.AsArray().Count;
        var summary = await ImportAsync(admin, string.Empty);
        var queens = await admin.GetJsonAsync("/api/v1/shops/queens-best-cuts");
        var bronx = await admin.GetJsonAsync("/api/v1/shops/bronx-salon");
        var chelsea = await admin.GetJsonAsync("/api/v1/shops/chelsea-cuts");

        Assert.True((bool)dry["dry_run"]!);
        Assert.Equal(3, (int)dry["added"]!);
        Assert.Equal(1, (int)dry["updated"]!);
        Assert.Equal(5, shopsAfterDry);
        Assert.Equal(0, askedByDryRun);
        Assert.Equal(8, (int)summary["rows"]!);
        Assert.Equal(3, (int)summary["added"]!);
        Assert.Equal(1, (int)summary["updated"]!);
        Assert.Equal(1, (int)summary["geocoded"]!);
        var rejected = summary["rejected"]!.AsArray().Select(r => ((int)r!["line"]!, (string?)r["field"])).ToList();
        Assert.Equal([(6, "latitude"), (7, "category"), (8, "slug"), (9, "slug")], rejected);
        Assert.Contains("line 2", (string?)summary["rejected"]![2]!["reason"], StringComparison.Ordinal);
        Assert.Equal("Queens \"Best\" Cuts", (string?)queens["name"]);
        Assert.Equal(40.7590, (double)queens["latitude"]!);
        Assert.Equal("Mon-Fri 9-5\nSat 10-2", (string?)bronx["hours"]);
        Assert.Equal("Chelsea Cuts (moved)", (string?)chelsea["name"]);
        Assert.Equal("shop-chelsea-cuts", (string?)chelsea["agent_key"]);
    }

    [Fact]
    public async Task An_import_while_the_geocoder_is_down_finishes_at_once_and_jobs_place_the_shops_later()
    {
        await using var fake = await FakeGeocoderServer.StartAsync(Ct);
        fake.Knows("1 First Ave, New York", 40.7300, -73.9800).Knows("2 Second Ave, New York", 40.7310, -73.9810);
        fake.Failing = true;
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), fake);
        var admin = app.AdminClient();
        const string csv = "name,category,address\nFirst Cuts,barbershop,\"1 First Ave, New York\"\nSecond Cuts,barbershop,\"2 Second Ave, New York\"\n";

        using var response = await admin.PostAsync("/api/v1/shops/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        var summary = await response.ReadObjectAsync();
        fake.Failing = false;
        var second = await ShopsApiTests.PollAsync(admin, "/api/v1/shops/second-cuts", s => s["latitude"] is not null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (int)summary["added"]!);
        Assert.Equal(2, (int)summary["geocode_queued"]!);
        Assert.Equal(40.7310, (double)second["latitude"]!);
    }

    [Fact]
    public async Task The_import_route_takes_only_csv_from_an_admin()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        using var json = await app.AdminClient().PostAsync("/api/v1/shops/import", Json.Body("{}"), Ct);
        using var operatorImport = await app.OperatorClient().PostAsync("/api/v1/shops/import", new StringContent("name,category\nA,salon\n", Encoding.UTF8, "text/csv"), Ct);
        using var noHeader = await app.AdminClient().PostAsync("/api/v1/shops/import", new StringContent("", Encoding.UTF8, "text/csv"), Ct);
        using var unknownColumn = await app.AdminClient().PostAsync("/api/v1/shops/import", new StringContent("name,category,colour\nA,salon,red\n", Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorImport.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noHeader.StatusCode);
        Assert.Equal("file", (string?)(await unknownColumn.ReadObjectAsync())["field"]);
    }

    [Fact]
    public async Task The_shops_import_command_prints_progress_and_a_summary_with_the_rejected_lines_and_dry_run_writes_nothing()
    {
        var url = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"shops-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv)], Ct);
        var configuration = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = url,
            ["GEOCODER_URL"] = "http://127.0.0.1:9/",
            ["GEOCODER_TIMEOUT"] = "1s",
        }));
        try
        {
            var (dryCode, dryOut, _) = await RunAsync(configuration, "shops", "import", "demo", file, "--dry-run");
            var (code, output, _) = await RunAsync(configuration, "shops", "import", "demo", file);
            var (missingCode, _, missingError) = await RunAsync(configuration, "shops", "import", "nobody", file);

            Assert.Equal(1, dryCode);
            Assert.Contains("dry run:", dryOut, StringComparison.Ordinal);
            Assert.Contains("3 would be added, 1 would be updated", dryOut, StringComparison.Ordinal);
            Assert.Equal(1, code);
            Assert.Contains("8 rows, 3 added, 1 updated", output, StringComparison.Ordinal);
            Assert.Contains("1 left to geocode by jobs", output, StringComparison.Ordinal);
            Assert.Contains("4 rejected", output, StringComparison.Ordinal);
            Assert.Contains("  line 6 (bad-lat): latitude:", output, StringComparison.Ordinal);
            Assert.Contains("  line 9", output, StringComparison.Ordinal);
            Assert.Equal(1, missingCode);
            Assert.Contains("no tenant has the slug 'nobody'", missingError, StringComparison.Ordinal);

            await using var app = RouterTestKit.App(url);
            var harlem = await app.OperatorClient().GetJsonAsync("/api/v1/shops/harlem-fades");
            Assert.Equal("Harlem Fades", (string?)harlem["name"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_long_import_prints_a_progress_line_as_it_goes()
    {
        var url = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"shops-{Guid.NewGuid():N}.csv");
        var rows = Enumerable.Range(1, 250).Select(i => $"bulk-{i},Bulk {i},salon,,40.{i:D3},-73.9");
        await File.WriteAllLinesAsync(file, ["slug,name,category,address,latitude,longitude", .. rows], Ct);
        var configuration = Concierge.Server.Configuration.SeedAliases.Build(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DATABASE_URL"] = url }));
        try
        {
            var (code, output, _) = await RunAsync(configuration, "shops", "import", "demo", file);

            Assert.Equal(0, code);
            Assert.Contains("progress: 250 rows", output, StringComparison.Ordinal);
            Assert.Contains("250 rows, 250 added, 0 updated", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<JsonObject> ImportAsync(HttpClient admin, string query)
    {
        var body = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv)]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        using var response = await admin.PostAsync("/api/v1/shops/import" + query, body, Ct);
        var summary = await response.ReadObjectAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, summary.ToJsonString());
        return summary;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(IConfiguration configuration, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ShopCommands.RunAsync(args, configuration, output, error, interactive: false);
        return (code, output.ToString(), error.ToString());
    }
}
