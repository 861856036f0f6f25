using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Safety;
using Concierge.Server.Accounts;
using Concierge.Server.Http;
using Concierge.Server.RateLimits;
using Concierge.Server.Safety;
using Concierge.Server.Streaming;
using Concierge.Server.Tenancy;
using Concierge.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Compat;

/// <summary>
/// The wellbeing app's routes (seed 004): a signed-in user (a customer token from
/// <c>POST /api/v1/login/access-token</c>) continues their one conversation with the tenant's
/// <c>wellbeing</c> agent. <c>/send</c> answers JSON once the turn is stored; <c>/send-stream</c>
/// streams the same turn as seed 004's data-only events. 20 requests a minute per user, except
/// that a crisis message is never refused (<see cref="CrisisExemption"/>).
/// </summary>
public static class WellbeingChatRoutes
{
    public const string AgentKey = "wellbeing";

    public const string Channel = "wellbeing";

    /// <summary>Seed 004's RATE_LIMIT_PER_MINUTE for the chat routes, per user.</summary>
    public const int RateLimitPerMinute = 20;

    public static IEndpointRouteBuilder MapWellbeingChatRoutes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/chat").WithTags("Compatible: wellbeing chat (seed 004)")
            .RequireRole(Role.Customer)
            .RequireRateLimit("chat", RateLimitPerMinute)
            .ExemptCrisis(ContinuingSessionAsync);
        group.MapPost("/send", SendAsync).WithSummary("Sends the user's message to the wellbeing agent; answers with both stored messages.");
        group.MapPost("/send-stream", SendStreamAsync).WithSummary("The same turn streamed as server-sent events (seed 004's delta / done events).");
        return routes;
    }

    public sealed record ChatSendRequest(string? Message);

    public sealed record UserMessageView(Guid Id, string Content, DateTimeOffset CreatedAt, bool Crisis);

    public sealed record AiMessageView(Guid Id, string Content, DateTimeOffset CreatedAt, string? Protocol);

    public sealed record ChatSendResponse(UserMessageView UserMessage, AiMessageView AiMessage)
    {
        public static ChatSendResponse From(TurnResult turn) => new(
            new UserMessageView(turn.UserMessage.Id, turn.UserMessage.Content, turn.UserMessage.CreatedAt, turn.UserMessage.Safety?.IsCrisis == true),
            new AiMessageView(turn.Reply.Id, turn.Reply.Content, turn.Reply.CreatedAt, turn.Source == TurnSource.Safety ? "crisis" : null));
    }

    /// <summary>The stream's last event: seed 004's <c>done</c> with both messages.</summary>
    public sealed record ChatStreamDone(string Type, UserMessageView UserMessage, AiMessageView AiMessage);

    private static async Task<Ok<ChatSendResponse>> SendAsync(
        ChatSendRequest body, Turn turn, IAgentCatalog agents, SessionDirectory directory, ConversationOptions options, RequestTenant tenant,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var request = await StartAsync(body, agents, directory, options, tenant, cancellationToken);
        var result = await turn.TakeAsync(request, cancellationToken);
        response.AddModelTime(result);
        return TypedResults.Ok(ChatSendResponse.From(result));
    }

    private static async Task<EmptyHttpResult> SendStreamAsync(
        ChatSendRequest body, Turn turn, IAgentCatalog agents, SessionDirectory directory, ConversationOptions options, StreamingOptions streaming,
        RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        // A refused message or an unknown agent is a plain problem response, before the stream opens.
        var request = await StartAsync(body, agents, directory, options, tenant, cancellationToken);
        await TurnStreaming.RunAsync(http, turn, request, SseFormat.Seed004, streaming, result =>
        {
            var view = ChatSendResponse.From(result);
            return new ChatStreamDone("done", view.UserMessage, view.AiMessage);
        });
        return TypedResults.Empty;
    }

    // What the crisis exemption reads as context: the conversation this request would continue
    // (found, never started: a refused request writes nothing).
    private static async ValueTask<Session?> ContinuingSessionAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var tenant = http.RequestServices.GetRequiredService<RequestTenant>();
        if (!tenant.IsResolved || tenant.Caller is not { } caller)
        {
            return null;
        }

        var directory = http.RequestServices.GetRequiredService<SessionDirectory>();
        return await directory.FindContinuingAsync(tenant.Id, AgentKey, caller.CustomerId ?? caller.Subject, cancellationToken);
    }

    private static async Task<TurnRequest> StartAsync(
        ChatSendRequest body, IAgentCatalog agents, SessionDirectory directory, ConversationOptions options, RequestTenant tenant, CancellationToken cancellationToken)
    {
        // Checked before a session is created, so a refused message writes nothing.
        var text = UserText.From(body.Message, options.MaxMessageLength);
        var caller = tenant.Caller ?? throw new TenantUnresolvedException();

        // The user's one conversation: a customer's is keyed by their customer id, a staff member's by their user id.
        var customerId = caller.CustomerId ?? caller.Subject;
        var session = await directory.ContinueOrStartAsync(tenant.Id, AgentKey, Channel, customerId, cancellationToken);
        return new TurnRequest(tenant.Id, session.Id, text, Channel);
    }
}
