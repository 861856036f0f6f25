namespace Concierge.Server.Errors;

/// <summary>A request field has a value the route cannot use; answered with 400 naming it.</summary>
public sealed class RequestFieldException(string field, string detail) : Exception(detail)
{
    public string Field { get; } = field;
}
