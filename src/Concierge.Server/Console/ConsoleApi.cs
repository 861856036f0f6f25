using Concierge.Server.WebChat;

namespace Concierge.Server.OperatorsConsole;

/// <summary>
/// The operators' console: the page at <c>/console</c> and its script modules, style and the
/// vendored Chart.js under <c>/console/</c>, all embedded in the server. The page signs in with
/// the login route and then calls the public API with the bearer token like any other client: it
/// has no route of its own.
/// </summary>
public static class ConsoleApi
{
    /// <summary>The resource name prefix the project file gives the console's files (LogicalName in the csproj).</summary>
    public const string ResourcePrefix = "console/";

    /// <summary>The chat page's policy, and no framing at all: a framed console could be clickjacked into a revoke or a delete.</summary>
    public const string PagePolicy = WebChatApi.PagePolicy + "; frame-ancestors 'none'";

    private const string PageFile = "index.html";

    // As for the web chat: the modules may be reused for a few minutes, the page always revalidates.
    private static readonly TimeSpan AssetMaxAge = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder routes)
    {
        var assets = WebAsset.LoadAll(ResourcePrefix);
        var page = assets[PageFile];

        routes.MapGet("/console", (HttpContext http) =>
        {
            http.Response.Headers.ContentSecurityPolicy = PagePolicy;
            return page.Serve(http, TimeSpan.Zero);
        }).AllowAnonymous().ExcludeFromDescription();

        routes.MapGet("/console/{file}", (HttpContext http, string file) =>
            file != PageFile && assets.TryGetValue(file, out var asset)
                ? asset.Serve(http, AssetMaxAge)
                : TypedResults.NotFound()).AllowAnonymous().ExcludeFromDescription();

        return routes;
    }
}
