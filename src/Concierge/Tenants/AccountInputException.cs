namespace Concierge.Tenants;

/// <summary>A tenant, user or key field has a value that cannot be stored; names the field.</summary>
public sealed class AccountInputException(string field, string detail) : Exception(detail)
{
    public string Field { get; } = field;
}
