using System.Text.RegularExpressions;
using Concierge.Conversations;

namespace Concierge.Tenants;

/// <summary>
/// The rules every way in (commands, admin API, login) applies to account fields, so that what is
/// stored is always well-formed. Each failure throws <see cref="AccountInputException"/> naming the field.
/// </summary>
public static partial class AccountFields
{
    public const int MaxUsername = 254;
    public const int MinPassword = 8;
    public const int MaxPassword = 128;
    public const int MaxName = 100;

    /// <summary>A slug: lowercase letters, digits and dashes, 2 to 63 characters, starting with a letter or digit.</summary>
    public static string Slug(string? value, string field = "slug")
    {
        var slug = Required(value, field).Trim();
        return SlugPattern().IsMatch(slug)
            ? slug
            : throw new AccountInputException(field, $"Field '{field}' must be 2 to 63 lowercase letters, digits or dashes, starting with a letter or digit.");
    }

    /// <summary>An e-mail-like username, ASCII only, compared and stored in lowercase.</summary>
    public static string Username(string? value, string field = "username")
    {
        var username = Required(value, field).Trim();
        if (username.Length > MaxUsername)
        {
            throw new AccountInputException(field, $"Field '{field}' must be at most {MaxUsername} characters.");
        }

        return UsernamePattern().IsMatch(username)
            ? username.ToLowerInvariant()
            : throw new AccountInputException(field, $"Field '{field}' must be an e-mail-like name such as ana@example.com (ASCII letters, digits and . _ % + -).");
    }

    /// <summary>A password: 8 to 128 characters, no control characters. Never trimmed: spaces count.</summary>
    public static string Password(string? value, string field = "password")
    {
        var password = Required(value, field);
        if (password.Length is < MinPassword or > MaxPassword)
        {
            throw new AccountInputException(field, $"Field '{field}' must be {MinPassword} to {MaxPassword} characters.");
        }

        return password.Any(char.IsControl) || UnicodeText.HasLoneSurrogate(password)
            ? throw new AccountInputException(field, $"Field '{field}' must not contain control characters.")
            : password;
    }

    /// <summary>A display name or label: 1 to 100 characters of printable text.</summary>
    public static string Name(string? value, string field = "name")
    {
        var name = Required(value, field).Trim();
        if (name.Length > MaxName)
        {
            throw new AccountInputException(field, $"Field '{field}' must be at most {MaxName} characters.");
        }

        return name.Any(char.IsControl) || UnicodeText.HasLoneSurrogate(name)
            ? throw new AccountInputException(field, $"Field '{field}' must be printable text.")
            : name;
    }

    public static Role Role(string? value, string field = "role", bool allowCustomer = true)
    {
        if (!Roles.TryParse(value, out var role) || (!allowCustomer && role == Tenants.Role.Customer))
        {
            var allowed = allowCustomer ? "admin, operator or customer" : "admin or operator";
            throw new AccountInputException(field, $"Field '{field}' must be {allowed}.");
        }

        return role;
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new AccountInputException(field, $"Field '{field}' is required.") : value;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
