using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Concierge.Server.WebChat;

/// <summary>
/// One file of a page the server serves (the web chat, the operators' console), embedded in the
/// server's assembly (so a published server is the whole deployment): its bytes, its content type
/// and a strong ETag of its content.
/// </summary>
public sealed record WebAsset(string Name, string ContentType, byte[] Bytes, string ETag)
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    /// <summary>
    /// Every embedded file whose resource name starts with <paramref name="resourcePrefix"/> (the
    /// LogicalName the project file gives it, "webchat/"), by its name after the prefix ("chat.js");
    /// a file of an unknown kind fails the start, not a request.
    /// </summary>
    public static IReadOnlyDictionary<string, WebAsset> LoadAll(string resourcePrefix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource[resourcePrefix.Length..];
            var type = ContentTypes.TryGetValue(Path.GetExtension(name), out var known)
                ? known
                : throw new InvalidOperationException($"The embedded asset '{resource}' has no known content type.");
            var bytes = copy.ToArray();
            assets[name] = new WebAsset(name, type, bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
        }

        return assets;
    }

    /// <summary>
    /// Writes the file, or 304 when the browser's If-None-Match already names this content. Every
    /// answer revalidates (no-cache) unless <paramref name="maxAge"/> allows a short reuse: the files
    /// have fixed names, so a long cache would keep an old page after an upgrade.
    /// </summary>
    public IResult Serve(HttpContext context, TimeSpan maxAge)
    {
        var headers = context.Response.Headers;
        headers.ETag = ETag;
        headers.CacheControl = maxAge > TimeSpan.Zero ? $"public, max-age={(int)maxAge.TotalSeconds}" : "no-cache";
        var sent = context.Request.Headers.IfNoneMatch;
        if (sent.Count > 0 && EntityTagHeaderValue.TryParseList(sent, out var tags) && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(ETag), useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(Bytes, ContentType);
    }
}
