namespace Concierge.Server.Errors;

/// <summary>A request field is missing or has a value the route cannot use; answered with 400 naming it.</summary>
public sealed class RequestFieldException(string field, string detail, bool missing = false) : Exception(detail)
{
    public string Field { get; } = field;
    public bool Missing { get; } = missing;

    public static RequestFieldException Required(string field) => new(field, $"Field '{field}' is required.", missing: true);
}
