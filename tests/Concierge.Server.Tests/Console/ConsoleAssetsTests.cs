using System.Net;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.OperatorsConsole;

/// <summary>
/// The console's files as HTTP sees them: the page's own Content-Security-Policy (no framing at
/// all), content types with nosniff, the vendored Chart.js with its licence, ETags that answer 304,
/// and nothing but the known files.
/// </summary>
public sealed class ConsoleAssetsTests : IAsyncLifetime
{
    private ConciergeApp _app = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        _client = _app.Client();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_page_has_a_strict_policy_and_may_not_be_framed_by_any_site()
    {
        using var page = await _client.GetAsync("/console", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style_and_loads_only_this_servers_files()
    {
        var html = await _client.GetStringAsync("/console", Ct);

        Assert.Contains("<script type=\"module\" src=\"/console/console.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/console/chart.umd.min.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
    }

    [Theory]
    [InlineData("/console/console.js", "text/javascript")]
    [InlineData("/console/api.js", "text/javascript")]
    [InlineData("/console/conversations.js", "text/javascript")]
    [InlineData("/console/console.css", "text/css")]
    [InlineData("/console/chart.umd.min.js", "text/javascript")]
    [InlineData("/webchat/preview.css", "text/css")]
    public async Task Each_file_is_served_with_its_content_type_nosniff_and_an_etag(string path, string type)
    {
        using var response = await _client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(response.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await _client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Chart_js_is_served_from_this_server_with_its_licence_header()
    {
        var script = await _client.GetStringAsync("/console/chart.umd.min.js", Ct);

        Assert.StartsWith("/*!\n * Chart.js v4.", script, StringComparison.Ordinal);
        Assert.Contains("Released under the MIT License", script[..300], StringComparison.Ordinal);
        Assert.DoesNotContain("sourceMappingURL", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/console/nothing.js")]
    [InlineData("/console/index.html")]
    [InlineData("/console/..%2Fwebchat%2Fchat.js")]
    [InlineData("/console/chat.js")]
    public async Task A_file_the_console_does_not_have_is_404(string path)
    {
        using var response = await _client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_console_needs_no_credential_to_load_but_its_data_does()
    {
        using var page = await _client.GetAsync("/console", Ct);
        using var sessions = await _client.GetAsync("/api/v1/sessions", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, sessions.StatusCode);
    }
}
