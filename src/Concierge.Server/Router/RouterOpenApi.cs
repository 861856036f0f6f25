using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Router;

/// <summary>
/// <c>GET /router/openapi.json</c>: an OpenAPI 3.1 document with only the router's operations (search,
/// delegate, and the <c>POST /chat</c> the delegated conversation continues on),
/// written for a Custom GPT's Actions: <c>servers</c> from PUBLIC_API_BASE (else this request's
/// origin), an operationId and a short description on each operation (the rate limits in it),
/// schemas with examples, and no security unless ROUTER_AGENT_KEY makes X-Agent-Key required.
/// </summary>
public static class RouterOpenApi
{
    public static Ok<JsonObject> DocumentAsync(HttpRequest request, RouterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var server = settings.PublicBaseUrl?.ToString().TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return TypedResults.Ok(Build(server, settings.AgentKey is not null));
    }

    public static JsonObject Build(string server, bool apiKey)
    {
        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Concierge shop router",
                ["version"] = "1.0.0",
                ["description"] = "Finds barbershops, salons and other shops near a place and hands the customer to the chosen shop's booking assistant.",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = server, ["description"] = "This Concierge deployment" }),
            ["paths"] = new JsonObject
            {
                ["/router/search-by-location"] = new JsonObject { ["post"] = SearchOperation() },
                ["/router/delegate"] = new JsonObject { ["post"] = DelegateOperation() },
                ["/chat"] = new JsonObject { ["post"] = ChatOperation() },
            },
            ["components"] = Components(apiKey),
        };
        if (!apiKey)
        {
            document["security"] = new JsonArray();
        }
        else
        {
            document["security"] = new JsonArray(new JsonObject { ["agentKey"] = new JsonArray() });
        }

        return document;
    }

    private static JsonObject SearchOperation() => new()
    {
        ["operationId"] = "searchShopsByLocation",
        ["summary"] = "Find shops near a location",
        ["description"] = "Shops within radius_miles (default 10, at most 50) of a latitude/longitude, nearest first, optionally of one category (barbershop, salon). Empty results come with a message. Limited to 20 requests a minute per IP.",
        ["tags"] = new JsonArray("router"),
        ["requestBody"] = new JsonObject
        {
            ["required"] = true,
            ["content"] = Json(Ref("SearchRequest"), new JsonObject { ["latitude"] = 40.7246, ["longitude"] = -74.0019, ["radius_miles"] = 5, ["category"] = "barbershop", ["limit"] = 5 }),
        },
        ["responses"] = new JsonObject
        {
            ["200"] = Response("Shops within the radius, nearest first.", "SearchResponse", new JsonObject
            {
                ["results"] = new JsonArray(new JsonObject
                {
                    ["slug"] = "bishops-barbershop-soho",
                    ["name"] = "Bishop's Barbershop SoHo",
                    ["category"] = "barbershop",
                    ["address"] = "146 Spring St, New York, NY 10012",
                    ["distance_miles"] = 0.1,
                    ["distance_km"] = 0.16,
                    ["latitude"] = 40.7246,
                    ["longitude"] = -74.0019,
                    ["phone"] = "+1 212 555 0101",
                    ["hours"] = "Mon-Sat 9:00-19:00",
                }),
                ["count"] = 1,
                ["search_id"] = "0193a1b2-0000-7000-8000-000000000001",
                ["radius_miles"] = 5,
                ["message"] = null,
            }),
            ["422"] = Problem("A field is missing or out of range (latitude -90..90, longitude -180..180, radius up to 50 miles); the problem's field names it."),
            ["429"] = Problem("More than 20 searches a minute from this IP; wait Retry-After seconds."),
        },
    };

    private static JsonObject DelegateOperation() => new()
    {
        ["operationId"] = "delegateToShop",
        ["summary"] = "Hand the customer to a shop's booking assistant",
        ["description"] = "Starts a conversation with the shop's booking assistant, handed over with what the customer asked for. Returns the session_id and the assistant's first message; continue with POST /chat. Limited to 10 requests a minute per IP.",
        ["tags"] = new JsonArray("router"),
        ["requestBody"] = new JsonObject
        {
            ["required"] = true,
            ["content"] = Json(Ref("DelegateRequest"), new JsonObject
            {
                ["shop_slug"] = "bishops-barbershop-soho",
                ["customer_name"] = "Ana",
                ["intent"] = "A haircut tomorrow at 3pm",
                ["context"] = "Found by searching near SoHo",
                ["search_id"] = "0193a1b2-0000-7000-8000-000000000001",
            }),
        },
        ["responses"] = new JsonObject
        {
            ["200"] = Response("The new conversation with the shop's assistant.", "DelegateResponse", new JsonObject
            {
                ["session_id"] = "0193a1b2-0000-7000-8000-0000000000aa",
                ["shop"] = new JsonObject
                {
                    ["slug"] = "bishops-barbershop-soho",
                    ["name"] = "Bishop's Barbershop SoHo",
                    ["category"] = "barbershop",
                    ["address"] = "146 Spring St, New York, NY 10012",
                    ["phone"] = "+1 212 555 0101",
                    ["hours"] = "Mon-Sat 9:00-19:00",
                    ["latitude"] = 40.7246,
                    ["longitude"] = -74.0019,
                },
                ["message"] = "A haircut tomorrow at 15:00 is free. What name should I put the booking under?",
                ["agent"] = "shop-bishops-barbershop-soho",
                ["continue_with"] = new JsonObject { ["method"] = "POST", ["path"] = "/chat", ["session_id"] = "0193a1b2-0000-7000-8000-0000000000aa" },
            }),
            ["404"] = Problem("No shop has this slug; search first and use a slug it returned."),
            ["422"] = Problem("A field has a wrong type or is too long; the problem's field names it."),
            ["429"] = Problem("More than 10 delegations a minute from this IP; wait Retry-After seconds."),
        },
    };

    /// <summary>The route a delegated conversation continues on (seed 000's POST /chat): without it a GPT could not finish the booking.</summary>
    private static JsonObject ChatOperation() => new()
    {
        ["operationId"] = "sendMessageToShop",
        ["summary"] = "Send the customer's message to the shop's assistant",
        ["description"] = "Continues the conversation delegateToShop started: send the session_id and the customer's words, show the reply exactly. The booking is made when action is BOOKED.",
        ["tags"] = new JsonArray("router"),
        ["requestBody"] = new JsonObject
        {
            ["required"] = true,
            ["content"] = Json(Ref("ChatRequest"), new JsonObject { ["session_id"] = "0193a1b2-0000-7000-8000-0000000000aa", ["message"] = "Just me, tomorrow at 11. My phone is +1 212 555 0143." }),
        },
        ["responses"] = new JsonObject
        {
            ["200"] = Response("The assistant's reply.", "ChatResponse", new JsonObject
            {
                ["session_id"] = "0193a1b2-0000-7000-8000-0000000000aa",
                ["reply"] = "Shall I book Haircut for 1 person, Thursday, December 3 at 11:00 AM, under the name Ana?",
                ["action"] = "CONFIRM",
                ["missing"] = new JsonArray(),
            }),
            ["404"] = Problem("No such session: delegate again."),
            ["410"] = Problem("The session expired: delegate again."),
        },
    };

    private static JsonObject Components(bool apiKey)
    {
        var components = new JsonObject
        {
            ["schemas"] = new JsonObject
            {
                ["SearchRequest"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("latitude", "longitude"),
                    ["properties"] = new JsonObject
                    {
                        ["latitude"] = Number("Latitude in decimal degrees.", -90, 90, 40.7246),
                        ["longitude"] = Number("Longitude in decimal degrees.", -180, 180, -74.0019),
                        ["radius_miles"] = new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0, ["maximum"] = 50, ["default"] = 10, ["description"] = "Search radius in miles (or give radius_km instead).", ["examples"] = new JsonArray(5) },
                        ["radius_km"] = new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0, ["maximum"] = 80.4672, ["description"] = "Search radius in kilometres, instead of radius_miles.", ["examples"] = new JsonArray(8) },
                        ["category"] = new JsonObject { ["type"] = "string", ["maxLength"] = 40, ["description"] = "Only shops of this category, such as barbershop or salon.", ["examples"] = new JsonArray("barbershop") },
                        ["limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 50, ["default"] = 10, ["description"] = "Most results to return." },
                    },
                },
                ["SearchResult"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("slug", "name", "category", "distance_miles", "distance_km", "latitude", "longitude"),
                    ["properties"] = new JsonObject
                    {
                        ["slug"] = Text("The shop's id for delegateToShop."),
                        ["name"] = Text("The shop's name."),
                        ["category"] = Text("barbershop, salon..."),
                        ["address"] = NullableText("The street address."),
                        ["distance_miles"] = new JsonObject { ["type"] = "number", ["description"] = "Distance from the searched point in miles." },
                        ["distance_km"] = new JsonObject { ["type"] = "number", ["description"] = "Distance from the searched point in kilometres." },
                        ["latitude"] = new JsonObject { ["type"] = "number" },
                        ["longitude"] = new JsonObject { ["type"] = "number" },
                        ["phone"] = NullableText("The shop's phone number."),
                        ["hours"] = NullableText("Opening hours as the shop writes them."),
                    },
                },
                ["SearchResponse"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("results", "count", "search_id"),
                    ["properties"] = new JsonObject
                    {
                        ["results"] = new JsonObject { ["type"] = "array", ["items"] = Ref("SearchResult") },
                        ["count"] = new JsonObject { ["type"] = "integer" },
                        ["search_id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "Pass it to delegateToShop so the booking is linked to this search." },
                        ["radius_miles"] = new JsonObject { ["type"] = "number" },
                        ["message"] = NullableText("Set when nothing was found: what to try next."),
                    },
                },
                ["DelegateRequest"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("shop_slug"),
                    ["properties"] = new JsonObject
                    {
                        ["shop_slug"] = new JsonObject { ["type"] = "string", ["maxLength"] = 80, ["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$", ["description"] = "A slug from the search results." },
                        ["customer_name"] = new JsonObject { ["type"] = "string", ["maxLength"] = 100, ["description"] = "The customer's name, if they gave it." },
                        ["intent"] = new JsonObject { ["type"] = "string", ["maxLength"] = 500, ["description"] = "What the customer wants, in their words: service, day, time." },
                        ["context"] = new JsonObject { ["type"] = "string", ["maxLength"] = 2000, ["description"] = "Anything else the shop's assistant should know." },
                        ["search_id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "The search_id of the search that found the shop." },
                    },
                },
                ["DelegatedShop"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("slug", "name", "category"),
                    ["properties"] = new JsonObject
                    {
                        ["slug"] = Text("The shop's slug."),
                        ["name"] = Text("The shop's name."),
                        ["category"] = Text("barbershop, salon..."),
                        ["address"] = NullableText("The street address."),
                        ["phone"] = NullableText("The shop's phone number."),
                        ["hours"] = NullableText("Opening hours."),
                        ["latitude"] = new JsonObject { ["type"] = new JsonArray("number", "null") },
                        ["longitude"] = new JsonObject { ["type"] = new JsonArray("number", "null") },
                    },
                },
                ["DelegateResponse"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("session_id", "shop", "message"),
                    ["properties"] = new JsonObject
                    {
                        ["session_id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "The conversation with the shop's assistant; send it with every POST /chat." },
                        ["shop"] = Ref("DelegatedShop"),
                        ["message"] = Text("The shop assistant's first message: show it to the customer."),
                        ["agent"] = Text("The key of the shop's assistant."),
                        ["continue_with"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["properties"] = new JsonObject { ["method"] = Text("POST"), ["path"] = Text("/chat"), ["session_id"] = Text("The session id again.") },
                        },
                    },
                },
                ["ChatRequest"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("session_id", "message"),
                    ["properties"] = new JsonObject
                    {
                        ["session_id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "The session_id delegateToShop returned." },
                        ["message"] = new JsonObject { ["type"] = "string", ["maxLength"] = 2000, ["description"] = "What the customer said, in their words." },
                    },
                },
                ["ChatResponse"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("session_id", "reply", "action"),
                    ["properties"] = new JsonObject
                    {
                        ["session_id"] = Text("The same session."),
                        ["reply"] = Text("The assistant's answer: show it exactly."),
                        ["action"] = Text("ASK, CONFIRM, BOOKED, UNAVAILABLE..."),
                        ["missing"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = "What the assistant still needs." },
                    },
                },
                ["Problem"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "An RFC 9457 problem document.",
                    ["properties"] = new JsonObject
                    {
                        ["type"] = Text("A URN naming the problem."),
                        ["title"] = Text("What went wrong."),
                        ["status"] = new JsonObject { ["type"] = "integer" },
                        ["detail"] = Text("What to change."),
                        ["code"] = Text("A stable code."),
                        ["field"] = Text("The request field at fault."),
                    },
                },
            },
        };
        if (apiKey)
        {
            components["securitySchemes"] = new JsonObject
            {
                ["agentKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Agent-Key", ["description"] = "The router's agent key (pk_...)." },
            };
        }

        return components;
    }

    private static JsonObject Ref(string schema) => new() { ["$ref"] = "#/components/schemas/" + schema };

    private static JsonObject Json(JsonObject schema, JsonObject example) =>
        new() { ["application/json"] = new JsonObject { ["schema"] = schema, ["example"] = example } };

    private static JsonObject Response(string description, string schema, JsonObject example) =>
        new() { ["description"] = description, ["content"] = Json(Ref(schema), example) };

    private static JsonObject Problem(string description) =>
        new() { ["description"] = description, ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = Ref("Problem") } } };

    private static JsonObject Number(string description, double min, double max, double example) =>
        new() { ["type"] = "number", ["minimum"] = min, ["maximum"] = max, ["description"] = description, ["examples"] = new JsonArray(example) };

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonObject NullableText(string description) => new() { ["type"] = new JsonArray("string", "null"), ["description"] = description };
}
