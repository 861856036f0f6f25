using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Lifecycle;
using Concierge.Server.Accounts;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Customers;

/// <summary>
/// GDPR for admins: <c>GET /api/v1/customers/{customer_id}/export</c> (one JSON document of all the
/// tenant holds about the customer) and <c>DELETE /api/v1/customers/{customer_id}</c> (erases it for
/// good in one transaction and records that it happened, without the data). A customer the tenant
/// holds nothing about, or another tenant's, is 404.
/// </summary>
public static class CustomerDataApi
{
    public const int MaxCustomerIdLength = 200;

    public static RouteGroupBuilder MapCustomerData(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/customers").WithTags("Customer data").RequireRole(Concierge.Tenants.Role.Admin).RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapGet("/{customerId}/export", ExportAsync).WithSummary(
            "Everything the tenant holds about a customer as one JSON document: sessions with their messages, events and model calls, bookings, emotion records, follow-ups and their delivery state.");
        group.MapDelete("/{customerId}", EraseAsync).WithSummary(
            "Erases the customer's sessions, messages, model calls, bookings, emotion records and follow-ups in one transaction; analytics events stay as anonymous counts; the erasure is recorded (who, when, how many) without the data.");
        return group;
    }

    private static async Task<Ok<JsonObject>> ExportAsync(string customerId, ICustomerData data, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var id = Checked(customerId);
        var document = await data.ExportAsync(tenant.Id, id, cancellationToken) ?? throw new CustomerNotFoundException(id);
        http.Response.Headers.ContentDisposition = "attachment; filename=\"customer-export.json\"";
        return TypedResults.Ok(document);
    }

    private static async Task<Ok<ErasureView>> EraseAsync(string customerId, ICustomerData data, RequestTenant tenant, CancellationToken cancellationToken)
    {
        var id = Checked(customerId);
        var caller = tenant.Caller!;
        var by = caller.KeyId is { } key ? $"api_key:{key}" : $"user:{caller.Subject}";
        var receipt = await data.EraseAsync(tenant.Id, id, by, cancellationToken) ?? throw new CustomerNotFoundException(id);
        return TypedResults.Ok(new ErasureView(receipt.Id, receipt.ErasedAt, by, receipt.Counts));
    }

    private static string Checked(string customerId) =>
        customerId.Length is 0 or > MaxCustomerIdLength || customerId.Any(char.IsControl)
            ? throw new RequestFieldException("customer_id", $"A customer id is 1 to {MaxCustomerIdLength} characters without control characters.")
            : customerId;
}

/// <summary>The erasure's receipt: its record's id, when, by whom, and how many rows of each kind went.</summary>
public sealed record ErasureView(Guid ErasureId, DateTimeOffset ErasedAt, string ErasedBy, IReadOnlyDictionary<string, int> Counts);
