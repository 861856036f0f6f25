using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Concierge.Agents;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.WebChat;

/// <summary>
/// The chat's files as HTTP sees them: the page's own Content-Security-Policy (framable by any site
/// only in its embed variant), content types with nosniff, ETags that answer 304, and the public
/// session API the page uses (an agent key reaches that agent and no other).
/// </summary>
public sealed class WebChatAssetsTests : IAsyncLifetime
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
    public async Task The_page_has_a_strict_policy_framable_by_this_server_only_and_by_any_site_as_the_embed()
    {
        using var page = await _client.GetAsync("/?agent_key=pk_demo_assistant", Ct);
        using var embed = await _client.GetAsync("/?agent_key=pk_demo_assistant&embed=1", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = Policy(page);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        Assert.Contains("frame-ancestors *", Policy(embed), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", Policy(embed), StringComparison.Ordinal);
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style()
    {
        var html = await _client.GetStringAsync("/", Ct);

        Assert.Contains("<script type=\"module\" src=\"/webchat/chat.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script"));
    }

    [Theory]
    [InlineData("/webchat/chat.js", "text/javascript")]
    [InlineData("/webchat/api.js", "text/javascript")]
    [InlineData("/webchat/render.js", "text/javascript")]
    [InlineData("/webchat/chat.css", "text/css")]
    [InlineData("/widget.js", "text/javascript")]
    [InlineData("/webchat/icon.svg", "image/svg+xml")]
    public async Task Each_file_has_its_content_type_and_an_etag_that_answers_304(string path, string type)
    {
        using var first = await _client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(type, first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(first.Headers.CacheControl);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True((await first.Content.ReadAsByteArrayAsync(Ct)).Length > 100);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await _client.SendAsync(again, Ct);
        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-version\""));
        using var changed = await _client.SendAsync(stale, Ct);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task The_page_revalidates_on_every_load_so_an_upgrade_reaches_the_browser()
    {
        using var page = await _client.GetAsync("/", Ct);
        using var widget = await _client.GetAsync("/widget.js", Ct);
        using var module = await _client.GetAsync("/webchat/chat.js", Ct);

        Assert.True(page.Headers.CacheControl?.NoCache);
        Assert.True(widget.Headers.CacheControl?.NoCache);
        Assert.Equal(TimeSpan.FromMinutes(5), module.Headers.CacheControl?.MaxAge);
    }

    [Theory]
    [InlineData("/webchat/index.html")]
    [InlineData("/webchat/widget.js")]
    [InlineData("/webchat/nothing.js")]
    [InlineData("/webchat/..%2FProgram.cs")]
    public async Task Anything_but_the_chats_own_files_is_not_found(string path)
    {
        using var response = await _client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_agent_key_starts_a_web_session_with_its_agent_and_reads_it_back()
    {
        var keyed = _app.Client();
        keyed.DefaultRequestHeaders.Add("X-Agent-Key", DemoTenant.HibachiPublicKey);

        var session = await keyed.PostJsonAsync("/api/v1/sessions", new { });
        var id = (string)session["id"]!;
        var read = await keyed.GetJsonAsync($"/api/v1/sessions/{id}");
        var turn = await keyed.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message = "I want to book hibachi" });
        var history = await keyed.GetJsonAsync($"/api/v1/sessions/{id}/messages");

        Assert.Equal(DemoTenant.HibachiId.ToString(), (string?)session["agent_id"]);
        Assert.Equal("web", (string?)session["channel"]);
        Assert.Equal(id, (string?)read["id"]);
        Assert.Equal("ASK", (string?)turn["action"]);
        Assert.Equal(2, history["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_agent_key_cannot_name_another_agent_or_a_customer_and_listing_stays_for_staff()
    {
        var keyed = _app.Client();
        keyed.DefaultRequestHeaders.Add("X-Agent-Key", DemoTenant.HibachiPublicKey);

        using var otherAgent = await keyed.PostAsJsonAsync("/api/v1/sessions", new { agent = "assistant" }, Ct);
        using var customer = await keyed.PostAsJsonAsync("/api/v1/sessions", new { customer_id = "someone-else" }, Ct);
        using var list = await keyed.GetAsync("/api/v1/sessions", Ct);
        using var unknownKey = await _app.Client().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions") { Headers = { { "X-Agent-Key", "pk_nope" } } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, otherAgent.StatusCode);
        Assert.Equal("agent", (string?)(await otherAgent.ReadObjectAsync())["field"]);
        Assert.Equal(HttpStatusCode.BadRequest, customer.StatusCode);
        Assert.Equal("customer_id", (string?)(await customer.ReadObjectAsync())["field"]);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownKey.StatusCode);
    }

    private static string Policy(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();
}
