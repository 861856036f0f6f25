using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Concierge.Bookings;

/// <summary>A contact field as an API sends it: a whole e-mail address, or a phone number (E.164 or national in the region).</summary>
public static partial class ContactText
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The contact normalised (lower-case e-mail, E.164 phone), or null when it is neither.</summary>
    public static ContactPoint? Parse(string? text, string region = "US")
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 254)
        {
            return null;
        }

        if (value.Contains('@', StringComparison.Ordinal))
        {
            return Email().IsMatch(value) ? ContactPoint.Email(value) : null;
        }

        try
        {
            var number = Phones.Parse(value, region);
            return Phones.IsValidNumber(number) ? ContactPoint.Phone(Phones.Format(number, PhoneNumberFormat.E164)) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
