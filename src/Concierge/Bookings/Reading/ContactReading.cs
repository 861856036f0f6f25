using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Concierge.Bookings.Reading;

/// <summary>
/// An e-mail address, or a phone number normalised to E.164 with libphonenumber, reading national
/// numbers in the tenant's region ("9 1234 5678" in Chile is +56912345678). A digit run that looks
/// like a phone number but is not a valid one is reported rather than kept.
/// </summary>
internal static class ContactReading
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly Regex Email = new(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant);
    private static readonly Regex Phone = new(@"(?<![\w+])\+?\(?\d[\d\s().-]{5,}\d(?!\w)", RegexOptions.CultureInvariant);

    private static readonly Regex IsoDate = new(@"^\s*\d{4}-\d{1,2}-\d{1,2}\s*$", RegexOptions.CultureInvariant);

    public static ContactPoint? Take(ReadingBuffer buffer, string region, List<BookingRequestError> problems)
    {
        ContactPoint? found = null;
        foreach (Match m in Email.Matches(buffer.Original))
        {
            found ??= ContactPoint.Email(m.Value);
            buffer.Blank(m.Index, m.Length);
        }

        foreach (Match m in Phone.Matches(buffer.Work))
        {
            var digits = m.Value.Count(char.IsDigit);
            if (digits is < 7 or > 15 || IsoDate.IsMatch(m.Value))
            {
                continue;
            }

            if (E164(m.Value.Trim(), region) is { } e164)
            {
                found ??= ContactPoint.Phone(e164);
                buffer.Blank(m.Index, m.Length);
            }
            else if (digits >= 8)
            {
                problems.Add(new(BookingFieldNames.Contact, BookingErrorCodes.InvalidPhone, $"'{m.Value.Trim()}' is not a valid phone number for region {region}."));
                buffer.Blank(m.Index, m.Length);
            }
        }

        return found;
    }

    private static string? E164(string text, string region)
    {
        try
        {
            var number = Phones.Parse(text, region);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
