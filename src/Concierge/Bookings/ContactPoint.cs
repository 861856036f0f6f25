namespace Concierge.Bookings;

/// <summary>How to reach a customer: a phone number in E.164 ("+56912345678") or a lower-case e-mail address.</summary>
public sealed record ContactPoint(ContactKind Kind, string Value)
{
    public static ContactPoint Phone(string e164) => new(ContactKind.Phone, e164);

    public static ContactPoint Email(string address) => new(ContactKind.Email, address.ToLowerInvariant());
}
