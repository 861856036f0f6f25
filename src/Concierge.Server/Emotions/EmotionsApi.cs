using Concierge.Conversations;
using Concierge.Emotions;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Emotions;

/// <summary>A customer's emotion history for operators (seed 002's emotion_history), in message order. One group, so a role can be required with one call.</summary>
public static class EmotionsApi
{
    public const int MaxRecords = 500;

    public static RouteGroupBuilder MapEmotions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/customers").WithTags("Emotions").RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapGet("/{customerId}/emotions", ListAsync).WithSummary("The emotion recorded for each of the customer's messages (label, score, detector), in message order.");
        return group;
    }

    private static async Task<Ok<EmotionList>> ListAsync(
        string customerId, IEmotionStore store, ISessionStore sessions, RequestTenant tenant, CancellationToken cancellationToken)
    {
        if (customerId.Length > 200)
        {
            throw new RequestFieldException("customer_id", "A customer id is at most 200 characters.");
        }

        // A customer the tenant never talked to (or another tenant's) is not found, not an empty history.
        if ((await sessions.ListAsync(tenant.Id, new SessionQuery(customerId, null, null, 1), cancellationToken)).Count == 0)
        {
            throw new CustomerNotFoundException(customerId);
        }

        var records = await store.ListForCustomerAsync(tenant.Id, customerId, MaxRecords, cancellationToken);
        return TypedResults.Ok(new EmotionList(customerId, [.. records.Select(EmotionView.From)]));
    }
}
