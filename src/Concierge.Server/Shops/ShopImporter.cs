using System.Diagnostics;
using System.Globalization;
using Concierge.Shops;
using CsvHelper;

namespace Concierge.Server.Shops;

/// <summary>One refused CSV row: its line in the file (the header is line 1), the field at fault and why.</summary>
public sealed record RejectedRow(int Line, string? Slug, string? Field, string Reason);

/// <summary>What an import did (or, dry, would do).</summary>
public sealed record ImportSummary(
    bool DryRun, int Rows, int Added, int Updated, int Geocoded, int GeocodeQueued, int GeocodeNotFound, IReadOnlyList<RejectedRow> Rejected);

/// <summary>
/// Imports shops from CSV (CsvHelper: RFC 4180 quoting with line breaks in quotes, a byte order mark, CRLF or LF). The header names
/// the columns, in any order: slug, name, category, address, latitude, longitude, phone, hours,
/// agent_key, services (service keys separated by ';'). A row whose slug exists updates that shop,
/// otherwise it adds one (an empty slug is made from the name). A bad row is rejected with its line
/// and reason and the others go on; a slug repeated in the file is rejected after its first row.
/// Rows with an address and no coordinates are geocoded from the cache, then from the provider
/// while <paramref name="budget"/> lasts and the provider answers; the rest are left to jobs.
/// </summary>
public sealed class ShopImporter(ShopService shops)
{
    public const int MaxRows = 50_000;
    private static readonly string[] Known = ["slug", "name", "category", "address", "latitude", "longitude", "phone", "hours", "agent_key", "services"];

    public async Task<ImportSummary> ImportAsync(
        Guid tenantId, Stream csv, bool dryRun, TimeSpan budget, Action<int>? progress, CancellationToken cancellationToken)
    {
        var rejected = new List<RejectedRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int rows = 0, added = 0, updated = 0, geocoded = 0, queued = 0, notFound = 0;
        var callProvider = !dryRun && budget > TimeSpan.Zero;
        var started = Stopwatch.StartNew();
        var badLines = new HashSet<long>();

        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = bad => badLines.Add(bad.LineNumber),
            IncludeValuesInExceptions = false,
            MaxRecordSize = 64 * 1024,
        };
        await using var parser = CsvReader.Create(csv, options, leaveOpen: true);
        await parser.ReadHeaderAsync(cancellationToken);
        var header = parser.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (header.Count == 0 || header is [""])
        {
            throw new ShopInputException("file", "The CSV is empty: it needs a header line (slug,name,category,address,latitude,longitude,...).");
        }

        if (!header.Contains("name"))
        {
            throw new ShopInputException("file", "The CSV header has no 'name' column; the columns are " + string.Join(", ", Known) + ".");
        }

        if (header.FirstOrDefault(h => !Known.Contains(h)) is { } unknown)
        {
            throw new ShopInputException("file", $"The CSV header has an unknown column '{(unknown.Length > 40 ? unknown[..40] : unknown)}'; the columns are {string.Join(", ", Known)}.");
        }

        var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ShopInputException("file", $"The CSV header has the column '{duplicate.Key}' twice.");
        }

        while (await parser.ReadAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows++;
            if (rows > MaxRows)
            {
                throw new ShopInputException("file", $"The CSV has more than {MaxRows} rows; split it.");
            }

            var line = (int)parser.LineNumber;
            string? slug = null;
            try
            {
                if (badLines.Remove(parser.LineNumber))
                {
                    throw new ShopInputException("row", "The row's quoting is broken (a quote inside an unquoted field, or an unclosed quote).");
                }

                var draft = Draft(parser, header);
                slug = draft.Slug is { Length: > 0 } s ? ShopFields.Slug(s) : ShopFields.Slug(ShopFields.SlugFrom(ShopFields.Name(draft.Name)));
                if (seen.TryGetValue(slug, out var first))
                {
                    throw new ShopInputException("slug", $"Slug '{slug}' is already on line {first} of this file.");
                }

                seen[slug] = line;
                draft = draft with { Slug = slug };
                var existing = await shops.Store.FindAsync(tenantId, slug, cancellationToken);
                if (dryRun)
                {
                    var (shop, _) = await shops.PrepareAsync(tenantId, existing, draft, cancellationToken);
                    _ = existing is null ? added++ : updated++;
                    if (!shop.HasCoordinates && shop.Address is not null)
                    {
                        queued++;
                    }

                    continue;
                }

                var write = existing is null
                    ? await shops.CreateAsync(tenantId, draft, callProvider, cancellationToken)
                    : await shops.UpdateAsync(tenantId, existing, draft, callProvider, cancellationToken);
                if (write is null)
                {
                    throw new ShopInputException("slug", $"Slug '{slug}' was written by someone else during the import; import the row again.");
                }

                _ = write.Created ? added++ : updated++;
                switch (write.Geocoding)
                {
                    case GeocodeStates.Found:
                        geocoded++;
                        break;
                    case GeocodeStates.NotFound:
                        notFound++;
                        break;
                    case GeocodeStates.Queued:
                        queued++;
                        // The provider failed (or the time for calling it is spent): the rest go to jobs at once.
                        callProvider = false;
                        break;
                }

                if (callProvider && started.Elapsed > budget)
                {
                    callProvider = false;
                }
            }
            catch (ShopInputException e)
            {
                rejected.Add(new RejectedRow(line, slug, e.Field, e.Message));
            }

            progress?.Invoke(rows);
        }

        return new ImportSummary(dryRun, rows, added, updated, geocoded, queued, notFound, rejected);
    }

    private static ShopDraft Draft(CsvReader row, List<string> header)
    {
        var index = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        string? Cell(string name) => index.TryGetValue(name, out var i) && i < row.FieldCount && row.GetString(i) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        double? Number(string name) => Cell(name) is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                ? d
                : throw new ShopInputException(name, $"'{name}' must be a number, got '{(text.Length > 40 ? text[..40] : text)}'.")
            : null;

        var present = header.Where(h => h is not ("latitude" or "longitude") || Cell(h) is not null).ToHashSet(StringComparer.Ordinal);
        return new ShopDraft
        {
            Slug = Cell("slug"),
            Name = Cell("name"),
            Category = Cell("category"),
            Address = Cell("address"),
            Latitude = Number("latitude"),
            Longitude = Number("longitude"),
            Phone = Cell("phone"),
            Hours = Cell("hours"),
            AgentKey = Cell("agent_key"),
            Services = Cell("services") is { } services ? services.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
            Present = present,
        };
    }
}
