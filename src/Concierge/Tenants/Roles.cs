namespace Concierge.Tenants;

/// <summary>The wire names of <see cref="Role"/> (admin, operator, customer).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Customer = "customer";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator, Customer];

    public static string ToWire(this Role role) => role switch
    {
        Role.Admin => Admin,
        Role.Operator => Operator,
        _ => Customer,
    };

    public static bool TryParse(string? value, out Role role)
    {
        (var ok, role) = value switch
        {
            Admin => (true, Role.Admin),
            Operator => (true, Role.Operator),
            Customer => (true, Role.Customer),
            _ => (false, Role.Customer),
        };
        return ok;
    }

    /// <summary>True when <paramref name="role"/> may do what <paramref name="needed"/> may.</summary>
    public static bool Covers(this Role role, Role needed) => role >= needed;
}
