using Concierge.Server.Errors;
using Concierge.Server.Geocoding;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Concierge.Shops;
using Concierge.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Concierge.Server.Accounts;

namespace Concierge.Server.Shops;

/// <summary>
/// The shops admin API: operators read the tenant's shops, admins create, change, delete and import
/// them (CSV). A shop that names no <c>agent_key</c> gets its own booking agent, <c>shop-{slug}</c>.
/// </summary>
public static class ShopsApi
{
    public const long MaxImportBytes = 10 * 1024 * 1024;
    private const int MaxPage = 200;

    public static RouteGroupBuilder MapShops(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/shops").WithTags("Shops").RequireRole(Role.Operator).RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapGet("/", ListAsync).WithSummary("The tenant's shops by slug, optionally of one category; page with after=next_after.");
        group.MapGet("/{slug}", GetAsync).WithSummary("One shop.");
        group.MapPost("/", CreateAsync).RequireRole(Role.Admin).WithBodyLimit(16 * 1024).WithBodyDocument<ShopRequest>("application/json")
            .WithSummary("Adds a shop (slug, name, category, address, latitude/longitude, phone, hours, agent_key or services); an address alone is geocoded.");
        group.MapPatch("/{slug}", UpdateAsync).RequireRole(Role.Admin).WithBodyLimit(16 * 1024).WithBodyDocument<ShopRequest>("application/json")
            .WithSummary("Changes the fields given; null clears an optional one; a new address without coordinates is geocoded again.");
        group.MapDelete("/{slug}", DeleteAsync).RequireRole(Role.Admin).WithSummary("Deletes a shop (its agent and its conversations stay).");
        group.MapPost("/import", ImportAsync).RequireRole(Role.Admin).WithBodyLimit(MaxImportBytes).WithBodyDocument<string>("text/csv")
            .WithSummary("Imports shops from a text/csv body: adds or updates by slug; answers with the counts and the rejected rows' lines. ?dry_run=true writes nothing.");
        return group;
    }

    private static async Task<Results<Ok<ShopList>, ProblemHttpResult>> ListAsync(
        string? category, string? after, string? limit, IShopStore shops, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var size = 50;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPage))
        {
            return Invalid(http, "limit", $"'limit' must be a whole number from 1 to {MaxPage}.");
        }

        var page = await shops.ListAsync(tenant.Id, category?.Trim().ToLowerInvariant(), after, size, cancellationToken);
        return TypedResults.Ok(new ShopList([.. page.Select(s => ShopView.From(s))], page.Count == size ? page[^1].Slug : null));
    }

    private static async Task<Results<Ok<ShopView>, ProblemHttpResult>> GetAsync(string slug, IShopStore shops, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken) =>
        await FindAsync(shops, tenant.Id, slug, cancellationToken) is { } shop ? TypedResults.Ok(ShopView.From(shop)) : NotFound(http, slug);

    private static async Task<Results<Created<ShopView>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, ShopService shops, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var draft = ShopDraft.From(await JsonBody.ReadObjectAsync(request, cancellationToken));
        var written = await shops.CreateAsync(tenant.Id, draft, callProvider: true, cancellationToken);
        return written is null
            ? TypedResults.Problem(ProblemWriter.Create(http, ShopProblems.ShopExists, "The tenant already has a shop with this slug; PATCH it instead.", "slug"))
            : TypedResults.Created($"/api/v1/shops/{written.Shop.Slug}", ShopView.From(written.Shop, written.Geocoding));
    }

    private static async Task<Results<Ok<ShopView>, ProblemHttpResult>> UpdateAsync(
        string slug, HttpRequest request, ShopService shops, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (await FindAsync(shops.Store, tenant.Id, slug, cancellationToken) is not { } existing)
        {
            return NotFound(http, slug);
        }

        var draft = ShopDraft.From(await JsonBody.ReadObjectAsync(request, cancellationToken));
        var written = await shops.UpdateAsync(tenant.Id, existing, draft, callProvider: true, cancellationToken);
        return written is null ? NotFound(http, slug) : TypedResults.Ok(ShopView.From(written.Shop, written.Geocoding));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string slug, IShopStore shops, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken) =>
        ShopFields.IsSlug(slug.ToLowerInvariant()) && await shops.DeleteAsync(tenant.Id, slug.ToLowerInvariant(), cancellationToken) ? TypedResults.NoContent() : NotFound(http, slug);

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportAsync(
        string? dry_run, HttpRequest request, ShopImporter importer, GeocodingSettings settings, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } type || !(type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/csv", StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem(ProblemWriter.Create(http, Problem.UnsupportedMediaType, "The import takes a CSV body sent as 'Content-Type: text/csv'."));
        }

        var dry = dry_run?.Trim().ToLowerInvariant() switch
        {
            null or "" or "false" or "0" => false,
            "true" or "1" => true,
            _ => throw new ShopInputException("dry_run", "'dry_run' must be true or false."),
        };
        return TypedResults.Ok(await importer.ImportAsync(tenant.Id, request.Body, dry, settings.ImportBudget, null, cancellationToken));
    }

    internal static Task<Shop?> FindAsync(IShopStore shops, Guid tenantId, string slug, CancellationToken cancellationToken)
    {
        var normal = slug.Trim().ToLowerInvariant();
        return ShopFields.IsSlug(normal) ? shops.FindAsync(tenantId, normal, cancellationToken) : Task.FromResult<Shop?>(null);
    }

    internal static ProblemHttpResult NotFound(HttpContext http, string slug) =>
        TypedResults.Problem(ProblemWriter.Create(http, ShopProblems.ShopNotFound, $"Shop '{(slug.Length <= 64 ? slug : slug[..64] + "...")}' does not exist.", "slug"));

    internal static ProblemHttpResult Invalid(HttpContext http, string field, string detail) =>
        TypedResults.Problem(ProblemWriter.Create(http, ShopProblems.Invalid, detail, field));
}
