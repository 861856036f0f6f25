using System.Text.Json.Nodes;

namespace Concierge.Lifecycle;

/// <summary>What an erasure removed, counted; the erasure record keeps these and never the data.</summary>
public sealed record ErasureReceipt(Guid Id, DateTimeOffset ErasedAt, IReadOnlyDictionary<string, int> Counts);

/// <summary>
/// GDPR access and erasure for one customer id of a tenant: every session, message, booking,
/// emotion record, follow-up and its delivery state. Another tenant's customer is not found.
/// </summary>
public interface ICustomerData
{
    /// <summary>One JSON document of everything the tenant holds about the customer; null when it holds nothing.</summary>
    Task<JsonObject?> ExportAsync(Guid tenantId, string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes it all in one transaction (analytics events stay as anonymous counts: name and time,
    /// no session, no data; the usage ledger keeps the spend without the ids) and records the
    /// erasure (who, when, how many rows). Null when the tenant holds nothing about the customer.
    /// </summary>
    Task<ErasureReceipt?> EraseAsync(Guid tenantId, string customerId, string erasedBy, CancellationToken cancellationToken);
}
