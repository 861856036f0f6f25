using System.Security.Cryptography;
using System.Text;

namespace Concierge.Server.WhatsApp;

/// <summary>
/// Meta's <c>X-Hub-Signature-256</c>: <c>sha256=</c> followed by the lower-case hex
/// HMAC-SHA256 of the raw request body, keyed with the app secret. Checked over the exact bytes
/// received (never re-serialised JSON), in constant time.
/// </summary>
public static class HubSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    /// <summary>The header value Meta would send for <paramref name="body"/>.</summary>
    public static string Compute(string appSecret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>True when <paramref name="header"/> is a well-formed signature of <paramref name="body"/> under <paramref name="appSecret"/>.</summary>
    public static bool IsValid(string appSecret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = header.AsSpan(Prefix.Length).Trim();
        if (hex.Length != HMACSHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        Span<byte> offered = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(hex, offered, out _, out var written) != System.Buffers.OperationStatus.Done || written != offered.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, offered);
    }

    /// <summary>Compares two secrets without revealing through timing where they differ.</summary>
    public static bool SecretEquals(string expected, string? offered) =>
        offered is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(offered)));
}
