using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Concierge.Server.WebChat;

/// <summary>
/// One file of the web chat, embedded in the server's assembly (so a published server is the whole
/// deployment): its bytes, its content type and a strong ETag of its content.
/// </summary>
public sealed record WebAsset(string Name, string ContentType, byte[] Bytes, string ETag)
{
    /// <summary>The resource name prefix the project file gives the chat's files (LogicalName in the csproj).</summary>
    public const string ResourcePrefix = "webchat/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    /// <summary>Every embedded chat file by its name ("chat.js"); a file of an unknown kind fails the start, not a request.</summary>
    public static IReadOnlyDictionary<string, WebAsset> LoadAll()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource[ResourcePrefix.Length..];
            var type = ContentTypes.TryGetValue(Path.GetExtension(name), out var known)
                ? known
                : throw new InvalidOperationException($"The web chat asset '{name}' has no known content type.");
            var bytes = copy.ToArray();
            assets[name] = new WebAsset(name, type, bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
        }

        return assets;
    }

    /// <summary>
    /// Writes the file, or 304 when the browser's If-None-Match already names this content. Every
    /// answer revalidates (no-cache) unless <paramref name="maxAge"/> allows a short reuse: the files
    /// have fixed names, so a long cache would keep an old chat after an upgrade.
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
