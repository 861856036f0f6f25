using System.CommandLine;
using System.Globalization;
using Concierge.Server.Geocoding;
using Concierge.Shops;
using Concierge.Storage;
using Concierge.Tenants;

namespace Concierge.Server.Shops;

/// <summary>
/// <c>shops import &lt;tenant-slug&gt; &lt;file.csv&gt; [--dry-run]</c> on the built server, wired like
/// the account commands: it migrates the database first, imports with the same rules as
/// <c>POST /api/v1/shops/import</c>, prints a progress line and a summary with every rejected row's
/// line and reason. Exit codes: 0 all rows taken, 1 bad input or rejected rows, 2 bad configuration.
/// </summary>
public static class ShopCommands
{
    /// <summary>How long the command may spend calling the geocoder before it leaves the rest to jobs.</summary>
    public static readonly TimeSpan CommandGeocodeBudget = TimeSpan.FromMinutes(5);

    public static bool IsCommand(string[] args) => args.Length > 0 && string.Equals(args[0], "shops", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error, bool interactive)
    {
        var services = new ServiceCollection().AddLogging();
        try
        {
            services.AddConciergeStorage(configuration);
            services.AddShops(configuration);
        }
        catch (InvalidSettingException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        await using var provider = services.BuildServiceProvider();
        await provider.MigrateDatabaseAsync(CancellationToken.None);
        var tenantSlug = new Argument<string>("tenant-slug") { Description = "The tenant whose shops these are." };
        var file = new Argument<string>("file.csv") { Description = "CSV with a header: slug,name,category,address,latitude,longitude,phone,hours,agent_key,services." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report; write nothing and call no geocoder." };
        var import = new Command("import", "Import shops from a CSV file (adds new slugs, updates existing ones).") { tenantSlug, file, dryRun };
        import.SetAction(async (p, ct) =>
        {
            var accounts = provider.GetRequiredService<IAccountStore>();
            var tenant = await accounts.FindTenantAsync(AccountFields.Slug(p.GetValue(tenantSlug), "tenant-slug"), ct)
                ?? throw new ShopInputException("tenant-slug", $"no tenant has the slug '{p.GetValue(tenantSlug)}'.");
            var path = p.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new ShopInputException("file", $"no such file: {path}");
            }

            var dry = p.GetValue(dryRun);
            var settings = provider.GetRequiredService<GeocodingSettings>();
            var budget = settings.ImportBudget > CommandGeocodeBudget ? settings.ImportBudget : CommandGeocodeBudget;
            await using var stream = File.OpenRead(path);
            var summary = await provider.GetRequiredService<ShopImporter>().ImportAsync(tenant.Id, stream, dry, budget, rows => Progress(output, rows, interactive), ct);
            if (interactive)
            {
                await output.WriteLineAsync();
            }

            await output.WriteLineAsync(Summary(tenant.Slug, path, summary));
            foreach (var row in summary.Rejected)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  line {row.Line}{(row.Slug is null ? string.Empty : $" ({row.Slug})")}: {row.Field}: {row.Reason}"));
            }

            return summary.Rejected.Count == 0 ? 0 : 1;
        });

        var root = new RootCommand("Concierge shops") { new Command("shops", "Shops of the router.") { import } };
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is ShopInputException or AccountInputException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    public static string Summary(string tenant, string path, ImportSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var verb = s.DryRun ? "would be " : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{(s.DryRun ? "dry run: " : string.Empty)}{Path.GetFileName(path)} into {tenant}: {s.Rows} rows, {s.Added} {verb}added, {s.Updated} {verb}updated, "
            + $"{s.Geocoded} geocoded, {s.GeocodeQueued} {(s.DryRun ? "to geocode" : "left to geocode by jobs")}, {s.GeocodeNotFound} addresses not found, {s.Rejected.Count} rejected");
    }

    private static void Progress(TextWriter output, int rows, bool interactive)
    {
        if (interactive)
        {
            if (rows % 10 == 0)
            {
                output.Write(string.Create(CultureInfo.InvariantCulture, $"\rimporting: {rows} rows"));
            }
        }
        else if (rows % 250 == 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress: {rows} rows"));
        }
    }
}
