using System.Text.Json;
using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Models;
using Concierge.Server.Accounts;
using Concierge.Server.Http;
using Concierge.Server.RateLimits;
using Concierge.Tenants;
using Concierge.Server.Tenancy;

namespace Concierge.Server.OpenAiCompatible;

/// <summary>
/// <c>POST /v1/chat/completions</c> and <c>GET /v1/models</c>: any OpenAI client talks to an agent.
/// <c>model</c> is the agent's key. The conversation is a Concierge session: the one named by
/// <c>X-Session-Id</c>, else one continuing session per <c>user</c> and agent, else a new session
/// for this request (stateless, as OpenAI's API is; the turn is still stored). Errors come in
/// OpenAI's shape with the statuses OpenAI uses.
/// </summary>
public static class OpenAiCompatibleApi
{
    public static RouteGroupBuilder MapOpenAiCompatible(this IEndpointRouteBuilder routes)
    {
        // An API key (Authorization: Bearer ck_...) is how OpenAI clients authenticate.
        var group = routes.MapGroup("/v1").WithTags("OpenAI-compatible").RequireRole(Role.Operator).RequireRateLimit();
        group.MapGet("/models", ModelsAsync).WithSummary("The caller's agents, as OpenAI models.");
        group.MapPost("/chat/completions", CompleteAsync).WithBodyDocument<ChatCompletionRequest>("application/json").WithSummary("A turn with the agent named by 'model', in OpenAI's chat completion shape.");
        return group;
    }

    private static async Task<IResult> ModelsAsync(IAgentCatalog agents, RequestTenant tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var list = await agents.ListAsync(tenant.Id, cancellationToken);
        var created = clock.GetUtcNow().ToUnixTimeSeconds();
        return TypedResults.Json(new
        {
            @object = "list",
            data = list.Select(a => new { id = a.Key, @object = "model", created, owned_by = "concierge" }),
        });
    }

    private static async Task<IResult> CompleteAsync(
        HttpContext http, Turn turn, SessionDirectory directory, IAgentCatalog agents, ConversationOptions options,
        TokenCounter tokens, TimeProvider clock, RequestTenant tenant, CancellationToken cancellationToken)
    {
        ChatCompletionRequest? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<ChatCompletionRequest>(ChatCompletionJson.Options, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException or InvalidOperationException)
        {
            return OpenAiError.Result(400, "invalid_request_error", "invalid_json", "The body is not a valid JSON chat completion request.");
        }

        if (string.IsNullOrWhiteSpace(body?.Model))
        {
            return OpenAiError.Result(400, "invalid_request_error", "missing_model", "'model' must name an agent (GET /v1/models lists them).", "model");
        }

        var agent = await agents.FindByKeyAsync(tenant.Id, body.Model, cancellationToken);
        if (agent is null)
        {
            return OpenAiError.Result(404, "invalid_request_error", "model_not_found", $"The model '{body.Model}' does not exist.", "model");
        }

        var last = body.Messages?.LastOrDefault(m => m.Role == "user");
        UserText text;
        try
        {
            text = UserText.From(last?.Content, options.MaxMessageLength, "messages");
        }
        catch (InvalidTurnInputException e)
        {
            return OpenAiError.Result(400, "invalid_request_error", e.Code, e.Message, "messages");
        }

        Session session;
        try
        {
            session = await SessionForAsync(http, directory, agent, body.User, tenant.Id, cancellationToken);
        }
        catch (Exception e) when (e is SessionNotFoundException or SessionExpiredException)
        {
            return OpenAiError.Result(404, "invalid_request_error", "session_not_found", e.Message, "X-Session-Id");
        }

        var request = new TurnRequest(tenant.Id, session.Id, text, "openai");
        var completion = new CompletionShape(agent.Key, clock.GetUtcNow());
        http.Response.Headers["X-Session-Id"] = session.Id.ToString();
        if (body.Stream == true)
        {
            await CompletionStream.RunAsync(http, turn, request, completion, tokens, body.StreamOptions?.IncludeUsage == true);
            return TypedResults.Empty;
        }

        var result = await turn.TakeAsync(request, cancellationToken);
        return TypedResults.Json(completion.Whole(result, tokens), ChatCompletionJson.Options);
    }

    private static async Task<Session> SessionForAsync(
        HttpContext http, SessionDirectory directory, Agent agent, string? user, Guid tenantId, CancellationToken cancellationToken)
    {
        if (http.Request.Headers["X-Session-Id"].FirstOrDefault() is { Length: > 0 } raw)
        {
            var session = await directory.GetAsync(tenantId, raw, cancellationToken);
            return session.AgentId == agent.Id ? session : throw new SessionNotFoundException(raw);
        }

        return string.IsNullOrWhiteSpace(user)
            ? await directory.StartAsync(tenantId, agent.Key, "openai", null, cancellationToken)
            : await directory.ContinueOrStartAsync(tenantId, agent.Key, "openai", $"openai:{user.Trim()}", cancellationToken);
    }
}
