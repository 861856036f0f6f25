using Concierge.Channels;
using Concierge.Conversations;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Accounts;
using Concierge.Server.Tenancy;
using Concierge.Storage.Channels;
using Concierge.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Channels;

public sealed record OutboundRequest(string? Text);

public sealed record OutboundView(Guid SessionId, Guid MessageId, Guid DeliveryId, string Delivery);

/// <summary>
/// <c>POST /api/v1/sessions/{id}/outbound</c> (operator): a business-initiated message on the
/// session's channel. It is stored as an assistant message and sent by channel.send with the window
/// rule (free text inside the window, the approved template outside, else held and reported).
/// </summary>
public static class OutboundApi
{
    public static RouteHandlerBuilder MapOutbound(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/sessions/{id}/outbound", SendAsync)
            .WithTags("Channels").RequireRole(Role.Operator).WithBodyLimit(64 * 1024).RequireRateLimiting(HttpSetup.RateLimitPolicy)
            .WithSummary("Send a business-initiated message to the customer on the session's channel (WhatsApp or Twilio), with the 24-hour window rule.");

    private static async Task<Results<Accepted<OutboundView>, ProblemHttpResult>> SendAsync(
        string id, OutboundRequest? body, RequestTenant tenant, SessionDirectory sessions, SqlChannelStore store, ConversationOptions options,
        HttpContext http, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(tenant.Id, id, cancellationToken);
        var text = UserText.From(body?.Text, options.MaxMessageLength, "text");
        var contact = await store.ContactOfSessionAsync(tenant.Id, session.Id, cancellationToken);
        if (contact is null)
        {
            return TypedResults.Problem(ProblemWriter.Create(http, ChannelProblems.NoChannel, "Only a session started by a customer on WhatsApp or Twilio can be written to.", "id"));
        }

        var provider = session.Channel == ChannelProviders.Twilio ? ChannelProviders.Twilio : ChannelProviders.WhatsApp;
        var outbound = new NewOutbound(tenant.Id, session.Id, contact.AccountId, provider, contact.Customer, text.Value, []);
        try
        {
            var (messageId, deliveryId) = await store.AppendAndQueueAsync(outbound, "operator_message", cancellationToken);
            return TypedResults.Accepted($"/api/v1/sessions/{session.Id}/messages", new OutboundView(session.Id, messageId, deliveryId, DeliveryStates.Queued));
        }
        catch (SessionBusyOrGoneException)
        {
            return TypedResults.Problem(ProblemWriter.Create(http, Problem.SessionBusy, "The session is answering a message; send again in a moment.", "id"));
        }
    }
}
