using System.Security.Cryptography;
using System.Text;

namespace Concierge.Tenants;

/// <summary>
/// Makes and recognises API key secrets: <c>ck_live_</c> and 32 random bytes in base64url. A fast
/// hash (SHA-256) is enough here, unlike for passwords: the secret has 256 bits of entropy, so there
/// is nothing to guess, and the hash is looked up on every request.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "ck_live_";

    /// <summary>What any Concierge key starts with (the live prefix and any later ones, such as ck_test_).</summary>
    public const string Family = "ck_";

    public const int MaxLength = 128;

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The part of a secret a list may show: the prefix and four characters.</summary>
    public static string Hint(string secret) => secret.Length <= Prefix.Length + 4 ? Prefix : secret[..(Prefix.Length + 4)] + "...";

    public static bool LooksLikeKey(string? value) => value is { Length: > 3 and <= MaxLength } && value.StartsWith(Family, StringComparison.Ordinal);
}
