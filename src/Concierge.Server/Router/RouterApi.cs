using System.Globalization;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Server.Accounts;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.RateLimits;
using Concierge.Server.Shops;
using Concierge.Server.Tenancy;
using Concierge.Shops;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Router;

/// <summary>
/// The shop router (seed 003, SPEC 5.3): a Custom GPT finds nearby shops and hands the customer to
/// the chosen shop's booking agent. Public like the seed-000 routes (the default tenant, or the one
/// whose public agent key is sent in <c>X-Agent-Key</c>), limited per IP, and switched off (404) by
/// <c>ENABLE_ROUTER_GPT=false</c>, read on every request.
/// </summary>
public static class RouterApi
{
    public const string Channel = "router";
    public const int SearchPerMinute = 20;
    public const int DelegatePerMinute = 10;
    private const int MaxBody = 8 * 1024;
    private static readonly TimeSpan SearchLink = TimeSpan.FromHours(24);

    public static IEndpointRouteBuilder MapRouter(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/router").WithTags("Shop router (seed 003)").AllowPublicAgent().AddEndpointFilter(RouterGateAsync);
        group.MapPost("/search-by-location", SearchAsync).RequireRateLimit("router-search", SearchPerMinute).WithBodyLimit(MaxBody)
            .WithBodyDocument<RouterSearchBody>("application/json")
            .WithName("searchShopsByLocation")
            .WithSummary("Shops near a point, nearest first, within radius_miles (or radius_km), optionally of one category.");
        group.MapPost("/delegate", DelegateAsync).RequireRateLimit("router-delegate", DelegatePerMinute).WithBodyLimit(MaxBody)
            .WithBodyDocument<RouterDelegateBody>("application/json")
            .WithName("delegateToShop")
            .WithSummary("Starts a conversation with the shop's booking agent, handed over with the router's context; continue it on POST /chat.");
        group.MapGet("/openapi.json", RouterOpenApi.DocumentAsync).RequireRateLimit()
            .WithSummary("The router's OpenAPI 3.1 document, as a Custom GPT's Actions import it.");
        return routes;
    }

    /// <summary>404 while the router is off; 401 without X-Agent-Key when ROUTER_AGENT_KEY makes the key required.</summary>
    private static async ValueTask<object?> RouterGateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<RouterSettings>();
        if (!settings.IsEnabled())
        {
            return TypedResults.Problem(ProblemWriter.Create(http, ShopProblems.RouterOff, "The shop router is turned off on this deployment (ENABLE_ROUTER_GPT=false)."));
        }

        if (settings.AgentKey is not null && http.Request.Path.Value?.EndsWith("/openapi.json", StringComparison.Ordinal) != true
            && http.RequestServices.GetRequiredService<RequestTenant>().Caller is null
            && http.Request.Headers[TenantEdgeMiddleware.AgentKeyHeader].Count == 0)
        {
            http.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Agent-Key\"";
            return TypedResults.Problem(ProblemWriter.Create(http, AccessProblems.Unauthorized, "This router needs its key in the X-Agent-Key header."));
        }

        return await next(context);
    }

    private static async Task<Ok<SearchResponse>> SearchAsync(
        HttpRequest request, IShopStore shops, IRouterAnalytics analytics, RequestTenant tenant, TimeProvider clock, ILogger<RouterSettings> logger, CancellationToken cancellationToken)
    {
        var search = RouterSearchRequest.From(await JsonBody.ReadObjectAsync(request, cancellationToken));
        // Ranked on the coordinates alone (the database sorts the box, a few rows are ranked exactly), then only the answers are read.
        var nearest = await new NearestShops(shops).FindAsync(tenant.Id, search.Center, search.RadiusKm, search.Category, search.Limit, cancellationToken);
        var found = (await shops.FindManyAsync(tenant.Id, [.. nearest.Select(n => n.Slug)], cancellationToken)).ToDictionary(s => s.Slug, StringComparer.Ordinal);
        var results = nearest
            .Where(x => found.ContainsKey(x.Slug))
            .Select(x => (Shop: found[x.Slug], x.Km))
            .Select(x => new SearchResult(
                x.Shop.Slug, x.Shop.Name, x.Shop.Category, x.Shop.Address, Math.Round(x.Km / GeoPoint.KmPerMile, 2), Math.Round(x.Km, 2),
                x.Shop.Latitude!.Value, x.Shop.Longitude!.Value, x.Shop.Phone, x.Shop.Hours))
            .ToList();

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await analytics.RecordSearchAsync(tenant.Id, new RouterSearch(id, search.Center, search.RadiusKm, search.Category, [.. results.Select(r => r.Slug)], now), cancellationToken);
        logger.LogInformation("[ROUTER] search {SearchId}: {Count} shops within {Radius:0.#} mi", id, results.Count, search.RadiusMiles);

        var what = search.Category ?? "shop";
        var message = results.Count > 0 ? null
            : search.RadiusMiles < RouterSearchRequest.MaxRadiusMiles - 1e-9
                ? string.Create(CultureInfo.InvariantCulture, $"No {what} within {search.RadiusMiles:0.#} miles of this place. Try a larger radius (up to 50 miles){(search.Category is null ? string.Empty : " or no category")}.")
                : string.Create(CultureInfo.InvariantCulture, $"No {what} within 50 miles of this place: there is none in this area yet{(search.Category is null ? string.Empty : "; try without a category")}.");
        return TypedResults.Ok(new SearchResponse(results, results.Count, id.ToString(), Math.Round(search.RadiusMiles, 2), message));
    }

    private static async Task<Results<Ok<DelegateResponse>, ProblemHttpResult>> DelegateAsync(
        HttpRequest request, IShopStore shops, IAgentCatalog agents, SessionDirectory directory, ISessionStore sessions, Turn turn, IRouterAnalytics analytics,
        ConversationOptions options, RequestTenant tenant, TimeProvider clock, ILogger<RouterSettings> logger, HttpContext http, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadObjectAsync(request, cancellationToken);
        var slug = JsonBody.String(body, "shop_slug") ?? throw new ShopInputException("shop_slug", "'shop_slug' is required: the slug of a shop the search returned.");
        var name = Text(body, "customer_name", 100);
        var intent = Text(body, "intent", 500);
        var context = Text(body, "context", 2000);
        Guid? askedSearch = JsonBody.String(body, "search_id") is { } raw
            ? Guid.TryParse(raw, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new ShopInputException("search_id", "'search_id' must be the search_id a search returned.")
            : null;

        if (await ShopsApi.FindAsync(shops, tenant.Id, slug, cancellationToken) is not { } shop)
        {
            return TypedResults.Problem(ProblemWriter.Create(http, ShopProblems.ShopNotFound, $"No shop has the slug '{(slug.Length <= 64 ? slug : slug[..64] + "...")}'; search first and use a slug it returned.", "shop_slug"));
        }

        var agent = await agents.FindByKeyAsync(tenant.Id, shop.AgentKey, cancellationToken) ?? throw new AgentNotFoundException(shop.AgentKey);
        UserText? opening = intent is null ? null : UserText.From(name is null ? intent : $"{intent} My name is {name}.", options.MaxMessageLength, "intent");
        var session = await directory.StartAsync(tenant.Id, agent.Key, Channel, null, cancellationToken);

        // The hand-over is written like a turn's: a system note the shop's agent (and its model) sees, and the handed_over event.
        var now = clock.GetUtcNow();
        var note = Note(shop, agent, name, intent, context);
        var greeting = opening is null ? Greeting(shop, agent, name) : null;
        List<Message> messages = [new Message(Guid.CreateVersion7(now), session.Id, 1, MessageRole.System, note, now)];
        if (greeting is not null)
        {
            messages.Add(new Message(Guid.CreateVersion7(now), session.Id, 2, MessageRole.Assistant, greeting, now));
        }

        var handedOver = new DomainEvent("handed_over", new JsonObject { ["from_agent"] = "router", ["to_agent"] = agent.Key, ["skill"] = agent.Skill, ["shop"] = shop.Slug });
        await sessions.CommitTurnAsync(
            new TurnCommit(session with { MessageCount = messages.Count, LastAction = "HANDED_OVER", UpdatedAt = now, Version = session.Version + 1 }, session.Version, null, messages, [], [handedOver]),
            cancellationToken);

        var reply = greeting ?? (await turn.TakeAsync(new TurnRequest(tenant.Id, session.Id, opening!.Value, Channel), cancellationToken)).Reply.Content;
        var searchId = await analytics.FindSearchAsync(tenant.Id, askedSearch, shop.Slug, now - SearchLink, cancellationToken);
        await analytics.RecordDelegationAsync(tenant.Id, new RouterDelegation(Guid.CreateVersion7(now), session.Id, shop.Slug, searchId, now), cancellationToken);
        logger.LogInformation("[ROUTER] delegated session {SessionId} to {Shop} ({Agent}), from search {SearchId}", session.Id, shop.Slug, agent.Key, searchId);

        return TypedResults.Ok(new DelegateResponse(
            session.Id.ToString(),
            new DelegatedShop(shop.Slug, shop.Name, shop.Category, shop.Address, shop.Phone, shop.Hours, shop.Latitude, shop.Longitude),
            reply,
            agent.Key,
            new ContinueWith("POST", "/chat", session.Id.ToString())));
    }

    private static string? Text(JsonObject body, string field, int max)
    {
        var text = JsonBody.String(body, field)?.Trim();
        return text switch
        {
            null or "" => null,
            { Length: var n } when n > max || text.Any(c => char.IsControl(c) && c is not '\n' and not '\t') =>
                throw new ShopInputException(field, $"'{field}' must be text of at most {max} characters."),
            _ => text,
        };
    }

    private static string Note(Shop shop, Agent agent, string? name, string? intent, string? context)
    {
        var where = shop.Address is null ? string.Empty : $" at {shop.Address}";
        var who = name is null ? "The customer" : $"The customer, {name},";
        var asked = intent is null ? " has not said yet what they want." : $" asked for: {intent}";
        var extra = context is null ? string.Empty : $" The router's notes: {context}";
        return $"The shop router handed this conversation to {agent.Name} for {shop.Name} ({shop.Category}{where}). {who}{asked}{extra}";
    }

    private static string Greeting(Shop shop, Agent agent, string? name) =>
        $"Hi{(name is null ? string.Empty : " " + name)}! This is {agent.Name}. I can book you in at {shop.Name}{(shop.Address is null ? string.Empty : ", " + shop.Address)}. What would you like, and which day and time suit you?";
}
