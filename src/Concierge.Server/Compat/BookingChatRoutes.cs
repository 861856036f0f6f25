using Concierge.Server.Accounts;
using Concierge.Agents;
using Concierge.Bookings.Conversation;
using Concierge.Bookings.Store;
using Concierge.Conversations;
using Concierge.Server.Bookings;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Compat;

/// <summary>
/// The route the hibachi caterer's clients call (seed 002, SPEC section 9): <c>POST /api/ai/chat</c>
/// continues a customer's conversation with the tenant's booking agent. Sessions are keyed by the
/// customer id and do not expire; a new id starts one. The same turn as every other channel.
/// </summary>
public static class BookingChatRoutes
{
    /// <summary>The agent the route talks to: the tenant's booking agent, by its stock key.</summary>
    public const string AgentKey = "hibachi";

    public const string Channel = "api";

    public static IEndpointRouteBuilder MapBookingChatRoutes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ai").WithTags("Compatible: hibachi bookings (seed 002)").AllowPublicAgent().RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapPost("/chat", ChatAsync).WithSummary("Sends a customer's message to the booking agent; their conversation continues across calls.");
        return routes;
    }

    public sealed record ChatRequest(string? Message, string? CustomerId);

    public sealed record ChatResponse(string Reply, string SessionId, string Action, IReadOnlyList<string> Missing, BookingView? Booking);

    private static async Task<Ok<ChatResponse>> ChatAsync(
        ChatRequest body,
        IAgentCatalog agents,
        ISessionStore sessions,
        SessionDirectory directory,
        Turn turn,
        IBookingStore bookings,
        ConversationOptions options,
        RequestTenant tenant,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        // Both fields are checked before a session is created, so a refused request writes nothing.
        var text = UserText.From(body.Message, options.MaxMessageLength);
        var customerId = body.CustomerId?.Trim();
        if (string.IsNullOrEmpty(customerId) || customerId.Length > 200)
        {
            throw new RequestFieldException("customer_id", "Field 'customer_id' is required: the customer's own id, up to 200 characters.");
        }

        var agent = await agents.FindByKeyAsync(tenant.Id, AgentKey, cancellationToken) ?? throw new AgentNotFoundException(AgentKey);

        // Two first messages of one new customer at the same instant may open two sessions; the
        // newest is continued afterwards, and nothing is lost in the other.
        var session = await sessions.FindByCustomerAsync(tenant.Id, agent.Id, customerId, cancellationToken)
            ?? await directory.StartAsync(tenant.Id, AgentKey, Channel, customerId, cancellationToken);

        var result = await turn.TakeAsync(new TurnRequest(tenant.Id, session.Id, text, Channel), cancellationToken);
        response.AddModelTime(result);
        return TypedResults.Ok(new ChatResponse(
            result.Reply.Content, result.Session.Id.ToString(), result.Action, result.Decision.Missing, await BookingOfAsync(result, bookings, tenant, cancellationToken)));
    }

    /// <summary>The booking this conversation made, once it is in the store (read back, so it is never claimed without being there).</summary>
    private static async Task<BookingView?> BookingOfAsync(TurnResult result, IBookingStore bookings, RequestTenant tenant, CancellationToken cancellationToken)
    {
        if (result.Session.State.Json is not { } json || BookingStateJson.Read(json) is not { BookingId: { } id })
        {
            return null;
        }

        var booking = await bookings.FindAsync(tenant.Id, id, cancellationToken);
        var zone = (await bookings.GetPolicyAsync(tenant.Id, cancellationToken)).FindZone() ?? NodaTime.DateTimeZone.Utc;
        return booking is null ? null : BookingView.From(booking, zone);
    }
}
