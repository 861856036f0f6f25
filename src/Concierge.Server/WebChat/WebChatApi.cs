namespace Concierge.Server.WebChat;

/// <summary>
/// The web chat: the page at <c>/</c> (<c>?agent_key=pk_…</c> names the public agent, <c>&amp;embed=1</c>
/// is the widget's framed variant), its script modules and style under <c>/webchat/</c>, and the
/// embeddable <c>/widget.js</c>. All are files embedded in the server; the page talks only to the
/// public session API, like any other client.
/// </summary>
public static class WebChatApi
{
    /// <summary>The page's own policy: nothing but this server's scripts, styles and API; no inline code.</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>The standalone page may be framed by this server only.</summary>
    public const string StandalonePolicy = PagePolicy + "; frame-ancestors 'self'";

    /// <summary>The widget's page is framed by the business's site, whatever its origin.</summary>
    public const string EmbedPolicy = PagePolicy + "; frame-ancestors *";

    /// <summary>The resource name prefix the project file gives the chat's files (LogicalName in the csproj).</summary>
    public const string ResourcePrefix = "webchat/";

    private const string PageFile = "index.html";
    private const string WidgetFile = "widget.js";

    // The modules and style may be reused for a few minutes; the page and the widget always revalidate,
    // so an upgrade reaches every browser at its next load.
    private static readonly TimeSpan AssetMaxAge = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder routes)
    {
        var assets = WebAsset.LoadAll(ResourcePrefix);
        var page = assets[PageFile];
        var widget = assets[WidgetFile];

        routes.MapGet("/", (HttpContext http, string? embed) =>
        {
            var embedded = embed is "1" or "true";
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = embedded ? EmbedPolicy : StandalonePolicy;
            if (embedded)
            {
                // X-Frame-Options has no "any origin" value; frame-ancestors * says it for every current browser.
                headers.Remove("X-Frame-Options");
            }
            else
            {
                headers.XFrameOptions = "SAMEORIGIN";
            }

            return page.Serve(http, TimeSpan.Zero);
        }).AllowAnonymous().ExcludeFromDescription();

        routes.MapGet("/widget.js", (HttpContext http) => widget.Serve(http, TimeSpan.Zero)).AllowAnonymous().ExcludeFromDescription();

        routes.MapGet("/webchat/{file}", (HttpContext http, string file) =>
            file != PageFile && file != WidgetFile && assets.TryGetValue(file, out var asset)
                ? asset.Serve(http, AssetMaxAge)
                : TypedResults.NotFound()).AllowAnonymous().ExcludeFromDescription();

        return routes;
    }
}
