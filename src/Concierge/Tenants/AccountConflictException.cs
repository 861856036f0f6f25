namespace Concierge.Tenants;

/// <summary>A slug or username is already taken.</summary>
public sealed class AccountConflictException(string field, string detail) : Exception(detail)
{
    public string Field { get; } = field;
}
