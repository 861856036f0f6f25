namespace Concierge.Conversations;

/// <summary>The tenant has no conversation with this customer id (or it is another tenant's): the HTTP answer is 404.</summary>
public sealed class CustomerNotFoundException(string customerId) : Exception($"Customer '{customerId}' was not found.")
{
    public string CustomerId { get; } = customerId;
}
