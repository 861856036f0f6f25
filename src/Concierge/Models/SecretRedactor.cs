using System.Buffers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Concierge.Models;

/// <summary>
/// Scrubs secrets out of everything that is logged or stored: the configured secret strings
/// (the API key), values of Authorization / api-key headers, bearer tokens and "sk-..." keys.
/// Providers echo keys back in error messages ("Incorrect API key provided: sk-..."), and an
/// exception's text can carry a request's headers, so every string passes through here first.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        // Longest first so that a secret containing another is removed whole. Very short strings
        // are skipped: masking every "a" would ruin the logs without protecting anything.
        _secrets = secrets
            .Where(secret => !string.IsNullOrWhiteSpace(secret) && secret.Trim().Length >= 4)
            .Select(secret => secret!.Trim())
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(secret => secret.Length)
            .ToArray();
    }

    public static SecretRedactor None { get; } = new([]);

    private static readonly SearchValues<string> PatternWords =
        SearchValues.Create(["authorization", "key", "bearer", "sk-"], StringComparison.OrdinalIgnoreCase);

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        // Every pattern below needs one of these words: most strings (a stored model call holds a
        // whole conversation) have none and skip three regular-expression scans.
        if (!text.AsSpan().ContainsAny(PatternWords))
        {
            return text;
        }

        text = HeaderValue().Replace(text, match => match.Groups["name"].Value + match.Groups["sep"].Value + Mask);
        text = BearerToken().Replace(text, "Bearer " + Mask);
        return KeyLikeToken().Replace(text, Mask);
    }

    /// <summary>A redacted deep copy: string values scrubbed, values of secret-named properties masked.</summary>
    public JsonNode? Redact(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => RedactObject(obj),
        JsonArray array => new JsonArray(array.Select(Redact).ToArray()),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => JsonValue.Create(Redact(value.GetValue<string>())),
        _ => node.DeepClone(),
    };

    private JsonObject RedactObject(JsonObject obj)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in obj)
        {
            copy[name] = IsSecretName(name) && value is not null ? JsonValue.Create(Mask) : Redact(value);
        }

        return copy;
    }

    private static bool IsSecretName(string name) => SecretName().IsMatch(name);

    [GeneratedRegex(@"^(authorization|proxy-authorization|api[-_]?key|x-api-key|password|secret|client[-_]?secret)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    // "Authorization: Bearer x", "api-key=x", "\"authorization\": \"x\"": keep the name, drop the value.
    [GeneratedRegex(@"(?<name>\b(?:proxy-)?authorization|\b(?:x-)?api[-_]?key)(?<sep>""?\s*[:=]\s*""?)(?:Bearer\s+|Basic\s+)?[^\s"",;]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderValue();

    [GeneratedRegex(@"\bBearer\s+(?!\*\*\*)[A-Za-z0-9\-._~+/]+=*", RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    // OpenAI-style keys: sk-..., sk-proj-..., with at least a dozen characters after the prefix.
    [GeneratedRegex(@"\bsk-[A-Za-z0-9_\-]{12,}", RegexOptions.CultureInvariant)]
    private static partial Regex KeyLikeToken();
}
