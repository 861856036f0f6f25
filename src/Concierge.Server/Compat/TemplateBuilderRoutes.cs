using System.Text.Json.Nodes;
using Concierge.Agents;
using System.Text.Json.Serialization;
using Concierge.Conversations;
using Concierge.Server.Accounts;
using Concierge.Server.Errors;
using Concierge.Skills;
using Concierge.Server.Http;
using Concierge.Server.Sessions;
using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Compat;

/// <summary>
/// The routes the WhatsApp Template Builder's clients call (seed 000, SPEC section 9), kept with
/// their exact shapes. Each is a thin adapter over the same code as the native API.
/// </summary>
public static class TemplateBuilderRoutes
{
    public static IEndpointRouteBuilder MapTemplateBuilderRoutes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/").WithTags("Compatible: template builder (seed 000)").AllowPublicAgent().RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapGet("/session/new", NewSessionAsync).WithSummary("Create a session.");
        group.MapPost("/chat", ChatAsync).WithSummary("Send a message; a missing session_id starts a new session.");
        group.MapGet("/session/{id}", HistoryAsync).WithSummary("The chat history for a UI, oldest first.");
        group.MapGet("/session/{id}/debug", DebugAsync).WithSummary("The session's debug document.");
        return routes;
    }

    public sealed record NewSessionResponse(string SessionId);

    public sealed record ChatRequest(string? Message, string? SessionId);

    public sealed record ChatResponse(
        string SessionId,
        string Reply,
        string Action,
        JsonObject? Draft,
        IReadOnlyList<string> Missing,
        JsonObject? FinalCreationPayload,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SourceView>? Sources = null);

    public sealed record HistoryMessage(string Role, string Content, DateTimeOffset CreatedAt);

    public sealed record HistoryResponse(
        string SessionId,
        IReadOnlyList<HistoryMessage> Messages,
        string? LastAction,
        JsonObject? CurrentDraft,
        JsonObject? FinalCreationPayload,
        DateTimeOffset UpdatedAt);

    private static async Task<Ok<NewSessionResponse>> NewSessionAsync(SessionDirectory directory, RequestTenant tenant, CancellationToken cancellationToken)
    {
        var session = await directory.StartAsync(tenant.Id, tenant.PublicAgent?.Key, "web", tenant.CustomerScope, cancellationToken);
        return TypedResults.Ok(new NewSessionResponse(session.Id.ToString()));
    }

    private static async Task<Ok<ChatResponse>> ChatAsync(
        ChatRequest body, SessionDirectory directory, SessionReader reader, Turn turn, ConversationOptions options, RequestTenant tenant, HttpResponse response, CancellationToken cancellationToken)
    {
        // Validate the message before a session is created for it, so a refused request writes nothing.
        var text = UserText.From(body.Message, options.MaxMessageLength);
        var sessionId = body.SessionId is null
            ? (await directory.StartAsync(tenant.Id, tenant.PublicAgent?.Key, "web", tenant.CustomerScope, cancellationToken)).Id
            : tenant.CustomerScope is null ? SessionIds.ParseOrNotFound(body.SessionId) : (await reader.GetAsync(body.SessionId, cancellationToken)).Id;

        var result = await turn.TakeAsync(new TurnRequest(tenant.Id, sessionId, text, "web"), cancellationToken);
        response.AddModelTime(result);
        return TypedResults.Ok(new ChatResponse(
            result.Session.Id.ToString(), result.Reply.Content, result.Action, result.View.Draft,
            result.Decision.Missing, result.View.FinalPayload, SourceView.From(result)));
    }

    private static async Task<Ok<HistoryResponse>> HistoryAsync(string id, SessionReader reader, SkillCatalog skills, CancellationToken cancellationToken)
    {
        var (session, messages) = await reader.HistoryAsync(id, cancellationToken);
        var view = skills.ViewOf(session);
        return TypedResults.Ok(new HistoryResponse(
            session.Id.ToString(),
            messages.Select(m => new HistoryMessage(m.Role.ToWire(), m.Content, m.CreatedAt)).ToList(),
            session.LastAction,
            view.Draft,
            view.FinalPayload,
            session.UpdatedAt));
    }

    // Staff may always read it; anyone holding the session id only when the session's agent exposes it.
    private static async Task<Results<Ok<DebugDocument>, ProblemHttpResult>> DebugAsync(
        string id, SessionReader reader, IAgentCatalog agents, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (!tenant.IsStaff)
        {
            var session = await reader.GetAsync(id, cancellationToken);
            var agent = await agents.FindAsync(tenant.Id, session.AgentId, cancellationToken);
            if (agent?.ExposeDebug != true)
            {
                return TypedResults.Problem(ProblemWriter.Create(
                    http, AccessProblems.DebugNotExposed, "This agent does not expose debug views; use an operator token (GET /api/v1/sessions/{id}/debug)."));
            }
        }

        return TypedResults.Ok(await reader.DebugAsync(id, cancellationToken));
    }
}
