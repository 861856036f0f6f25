using System.Text.Json.Nodes;
using Concierge.Server.Bookings;
using Concierge.Server.Compat;
using Concierge.Server.Jobs;
using Concierge.Server.Knowledge;
using Concierge.Server.Sessions;
using Microsoft.OpenApi;

namespace Concierge.Server.Http;

/// <summary>The OpenAPI document at /openapi/v1.json, with an example for every request body.</summary>
public static class OpenApiSetup
{
    // Keyed by the CLR type a schema is generated from, so each example sits on the schema it shows.
    private static readonly Dictionary<Type, Func<JsonNode>> Examples = new()
    {
        [typeof(TemplateBuilderRoutes.ChatRequest)] = () => new JsonObject { ["message"] = "What can you do?", ["session_id"] = "0199a3b4-7c1e-7d2f-9a41-5b6c7d8e9f01" },
        [typeof(SendMessageRequest)] = () => new JsonObject { ["message"] = "Which database do you use?" },
        [typeof(StartSessionRequest)] = () => new JsonObject { ["agent"] = "demo", ["customer_id"] = "customer-42" },
        [typeof(TemplateBuilderRoutes.NewSessionResponse)] = () => new JsonObject { ["session_id"] = "0199a3b4-7c1e-7d2f-9a41-5b6c7d8e9f01" },
        [typeof(BookingRequest)] = () => new JsonObject
        {
            ["service"] = "hibachi",
            ["start"] = "2026-12-05T19:00",
            ["party_size"] = 6,
            ["name"] = "Ana Rojas",
            ["contact"] = "+12125550143",
            ["customer_id"] = "customer-42",
        },
        [typeof(BookingChatRoutes.ChatRequest)] = () => new JsonObject { ["message"] = "Hibachi for 6 tomorrow at 7pm, I'm Ana Rojas, +1 212 555 0143", ["customer_id"] = "customer-42" },
        [typeof(RescheduleRequest)] = () => new JsonObject { ["start"] = "2026-12-06T18:00" },
        [typeof(PolicyRequest)] = () => new JsonObject { ["time_zone"] = "America/New_York", ["slot_minutes"] = 30, ["lead_time_minutes"] = 120, ["horizon_days"] = 90 },
        [typeof(ServiceRequest)] = () => new JsonObject
        {
            ["key"] = "hibachi",
            ["name"] = "Hibachi at home",
            ["duration_minutes"] = 120,
            ["capacity"] = 4,
            ["unit"] = "chefs",
            ["min_party"] = 2,
            ["max_party"] = 30,
            ["hours"] = new JsonObject { ["every_day"] = new JsonArray(new JsonArray("11:00", "23:00")) },
            ["closed_dates"] = new JsonArray("2026-12-25"),
            ["special_hours"] = new JsonObject { ["2026-12-31"] = new JsonArray(new JsonArray("17:00", "21:00")) },
        },
        [typeof(JobView)] = () => new JsonObject
        {
            ["id"] = "0199a3b4-7c1e-7d2f-9a41-5b6c7d8e9f02",
            ["kind"] = "followup.send",
            ["state"] = "dead",
            ["attempts"] = 8,
            ["max_attempts"] = 8,
            ["run_at"] = "2026-12-02T09:00:00Z",
            ["last_error"] = "HttpRequestException: Connection refused",
            ["session_id"] = "0199a3b4-7c1e-7d2f-9a41-5b6c7d8e9f01",
            ["created_at"] = "2026-12-01T18:30:00Z",
            ["updated_at"] = "2026-12-02T09:42:10Z",
            ["finished_at"] = "2026-12-02T09:42:10Z",
        },
        [typeof(CuratedAnswerRequest)] = () => new JsonObject { ["question"] = "What is the deadline to ask for a refund?", ["answer"] = "You can ask for a refund within 30 days of delivery." },
        [typeof(DocumentView)] = () => new JsonObject
        {
            ["id"] = "0199a3b4-7c1e-7d2f-9a41-5b6c7d8e9f03",
            ["title"] = "Returns policy",
            ["type"] = "markdown",
            ["bytes"] = 5120,
            ["chunks"] = 6,
            ["status"] = "ready",
            ["file_name"] = "returns.md",
            ["language"] = "en",
            ["agent"] = "support",
            ["failure_reason"] = null,
            ["created_at"] = "2026-12-02T09:00:00Z",
        },
        [typeof(SourceView)] = () => new JsonObject
        {
            ["document_id"] = "0199a3b4-7c1e-7d2f-9a41-5b6c7d8e9f03",
            ["title"] = "Returns policy",
            ["chunk_id"] = "0199a3b4-7c1e-7d2f-9a41-5b6c7d8e9f04",
            ["snippet"] = "You can return an item within 30 days of delivery.",
        },
        [typeof(TemplateBuilderRoutes.ChatResponse)] = () => new JsonObject
        {
            ["session_id"] = "0199a3b4-7c1e-7d2f-9a41-5b6c7d8e9f01",
            ["reply"] = "A SQLite file under ./data by default. Set DATABASE_URL to a postgresql:// URL to use PostgreSQL.",
            ["action"] = "ANSWER",
            ["draft"] = null,
            ["missing"] = new JsonArray(),
            ["final_creation_payload"] = null,
        },
    };

    /// <summary>
    /// Declares, in the OpenAPI document only, the body of a route whose handler reads it by hand
    /// (to name a wrong field, or to check a signature over the raw bytes). Unlike <c>.Accepts</c>
    /// it adds no content-type match to routing, so the handler's own 415 (with its code) still
    /// answers a wrong media type.
    /// </summary>
    public static RouteHandlerBuilder WithBodyDocument<TBody>(this RouteHandlerBuilder builder, string contentType) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(TBody), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() { Schema = schema } },
            };
        });

    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Concierge",
                    Version = "v1",
                    Description = "A self-hosted conversational AI backend. Errors are RFC 9457 problem documents (application/problem+json) with a stable code and the request id.",
                };
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer(Accounts.SecuritySchemes.ApplyAsync);
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
                {
                    schema.Examples = [example()];
                }

                return Task.CompletedTask;
            });
        });
}
