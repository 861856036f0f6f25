using System.Net;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing;
using Concierge.Testing.FakeOpenAi;
using Concierge.Tenants;

namespace Concierge.Server.Tests.Sessions;

/// <summary>
/// The console's conversation search: <c>GET /api/v1/sessions</c> filtered by agent, channel,
/// customer, activity range, crisis, fallback and message text, paged, on each database. The
/// model is a fake OpenAI server, so that a fallback turn is a real one.
/// </summary>
public abstract class SessionFilterTests(DatabaseKind kind) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Start);
    private FakeOpenAiServer _model = null!;
    private ConciergeApp _app = null!;
    private HttpClient _staff = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeOpenAiServer.StartAsync();
        _app = new ConciergeApp(await TestDatabase.CreateAsync(kind), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-filters-0123456789abcdef",
            ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
            ["OPENAI_MODEL"] = "gpt-4o-mini",
            ["REQUEST_TIMEOUT"] = "5",
            ["LLM_RETRY_BASE_DELAY"] = "10ms",
            ["LLM_MAX_RETRY_DELAY"] = "50ms",
        })
        { Clock = _clock };
        _staff = _app.OperatorClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task Each_filter_finds_exactly_the_sessions_it_names()
    {
        var pelican = await SessionAsync("assistant", "cust-ada", "Is the Blue PELICAN open on Sunday?");
        var crisis = await SessionAsync("assistant", null, "ya no quiero seguir viviendo");
        _model.Malformed();
        var fallback = await SessionAsync("assistant", null, "hello there");
        // /chat reaches the default template-builder agent, which wants structured output: the fake's
        // plain-text default answer is unusable there, so that turn is a real fallback too.
        var web = (string)(await _staff.PostJsonAsync("/chat", new { message = "What is Concierge?" }))["session_id"]!;

        Assert.Equal([pelican], await IdsAsync("q=blue%20pelican"));
        Assert.Equal([pelican], await IdsAsync("customer_id=cust-ada"));
        Assert.Equal([crisis], await IdsAsync("crisis=true"));
        Assert.Equal([web, fallback], await IdsAsync("fallback=true"));
        Assert.Equal([web], await IdsAsync("channel=web"));
        Assert.Equal([fallback, crisis, pelican], await IdsAsync("channel=api&agent=assistant"));
        Assert.Equal([pelican], await IdsAsync("crisis=false&fallback=false"));
        Assert.Empty(await IdsAsync("q=blue%20pelican&crisis=true"));
    }

    [Fact]
    public async Task Text_search_treats_like_wildcards_as_plain_characters()
    {
        var percent = await SessionAsync("assistant", null, "a 100% refund please");
        await SessionAsync("assistant", null, "a 1000 refund please");

        Assert.Equal([percent], await IdsAsync("q=100%25"));
        Assert.Empty(await IdsAsync("q=1_0"));
    }

    [Fact]
    public async Task A_range_finds_the_sessions_active_in_it_and_pages_keep_the_filters()
    {
        var first = await SessionAsync("assistant", "cust-range", "first day");
        _clock.Advance(TimeSpan.FromDays(2));
        var second = await SessionAsync("assistant", "cust-range", "third day");
        var third = await SessionAsync("assistant", "cust-range", "third day again");

        Assert.Equal([first], await IdsAsync("to=2026-11-20"));
        Assert.Equal([third, second], await IdsAsync("from=2026-11-22"));
        Assert.Equal([first], await IdsAsync("from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z"));
        Assert.Empty(await IdsAsync("from=2026-11-21&to=2026-11-21"));

        var page1 = await _staff.GetJsonAsync("/api/v1/sessions?q=third&limit=1");
        var page2 = await _staff.GetJsonAsync($"/api/v1/sessions?q=third&limit=1&after={page1["next_after"]}");
        Assert.Equal(third, (string?)page1["sessions"]![0]!["id"]);
        Assert.Equal(second, (string?)page2["sessions"]![0]!["id"]);
        var page3 = await _staff.GetJsonAsync($"/api/v1/sessions?q=third&limit=1&after={page2["next_after"]}");
        Assert.Empty(page3["sessions"]!.AsArray());
        Assert.Null(page3["next_after"]);
    }

    [Theory]
    [InlineData("crisis=yes", "crisis")]
    [InlineData("fallback=1", "fallback")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-11-20T10:00:00", "to")]
    [InlineData("from=2026-11-22&to=2026-11-21", "from")]
    [InlineData("agent=nobody", "agent")]
    [InlineData("after=not-a-session", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("channel=%20%20", "channel")]
    public async Task A_bad_filter_is_a_problem_naming_it(string query, string field)
    {
        using var response = await _staff.GetAsync($"/api/v1/sessions?{query}");
        var problem = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (string?)problem["field"]);
    }

    [Fact]
    public async Task A_search_text_longer_than_128_characters_is_refused()
    {
        using var response = await _staff.GetAsync($"/api/v1/sessions?q={new string('a', 129)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("q", (string?)(await response.ReadObjectAsync())["field"]);
    }

    [Fact]
    public async Task Customers_may_not_search_and_another_tenant_finds_nothing()
    {
        await SessionAsync("assistant", null, "the secret pelican");
        var other = await _app.AddTenantAsync("filters-other");

        using var asCustomer = await _app.ClientAs(Role.Customer).GetAsync("/api/v1/sessions?q=pelican");
        var theirs = await _app.OperatorClient(other.Id).GetJsonAsync("/api/v1/sessions?q=pelican");

        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
        Assert.Empty(theirs["sessions"]!.AsArray());
    }

    private async Task<string> SessionAsync(string agent, string? customerId, string message)
    {
        var id = (string)(await _staff.PostJsonAsync("/api/v1/sessions", new { agent, customer_id = customerId }))["id"]!;
        await _staff.PostJsonAsync($"/api/v1/sessions/{id}/messages", new { message });
        // Sessions are listed newest first; distinct creation times keep the expected order exact.
        _clock.Advance(TimeSpan.FromSeconds(1));
        return id;
    }

    private async Task<List<string>> IdsAsync(string query) =>
        [.. (await _staff.GetJsonAsync($"/api/v1/sessions?{query}"))["sessions"]!.AsArray().Select(s => (string)s!["id"]!)];
}

public sealed class SqliteSessionFilterTests() : SessionFilterTests(DatabaseKind.Sqlite);

public sealed class PostgresSessionFilterTests() : SessionFilterTests(DatabaseKind.Postgres);
