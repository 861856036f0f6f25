using System.Net;
using System.Text;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Sessions;

/// <summary>
/// Ugly input gets a problem document with a stable code, the field and the request id, and writes
/// nothing: the session's message count is checked after every refused request.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private ConciergeApp _app = null!;
    private HttpClient _client = null!;
    private string _session = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?> { ["MAX_MESSAGE_LENGTH"] = "2000" });
        _client = _app.OperatorClient();
        _session = await _client.NewSessionAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string, int, string, string?> ChatBodies => new()
    {
        { "broken JSON", """{"message": "hi", """, 400, "invalid_json", null },
        { "not JSON at all", "hello there", 400, "invalid_json", null },
        { "a JSON array", """["hi"]""", 400, "invalid_json", null },
        { "JSON null", "null", 400, "invalid_json", null },
        { "message is a number", """{"message": 5, "session_id": "SESSION"}""", 400, "invalid_field", "message" },
        { "message is an object", """{"message": {"text": "hi"}, "session_id": "SESSION"}""", 400, "invalid_field", "message" },
        { "session_id is a number", """{"message": "hi", "session_id": 42}""", 400, "invalid_field", "session_id" },
        { "message missing", """{"session_id": "SESSION"}""", 400, "message_empty", "message" },
        { "message empty", """{"message": "", "session_id": "SESSION"}""", 400, "message_empty", "message" },
        { "message whitespace", """{"message": "  \n\t ", "session_id": "SESSION"}""", 400, "message_empty", "message" },
        { "message has NUL", """{"message": "a\u0000b", "session_id": "SESSION"}""", 400, "message_invalid_text", "message" },
        { "message has a lone surrogate", """{"message": "a\ud800b", "session_id": "SESSION"}""", 400, "message_invalid_text", "message" },
        { "unknown session", """{"message": "hi", "session_id": "0199a3b4-7c1e-7d2f-9a41-5b6c7d8e9f01"}""", 404, "session_not_found", "session_id" },
        { "malformed session id", """{"message": "hi", "session_id": "../../etc/passwd"}""", 404, "session_not_found", "session_id" },
        { "SQL injection as session id", """{"message": "hi", "session_id": "' OR 1=1; --"}""", 404, "session_not_found", "session_id" },
    };

    [Theory]
    [MemberData(nameof(ChatBodies))]
    public async Task Chat_refuses_bad_bodies_with_a_problem_document_and_writes_nothing(string because, string body, int status, string code, string? field)
    {
        using var response = await _client.PostAsync("/chat", Json.Body(body.Replace("SESSION", _session, StringComparison.Ordinal)));

        await AssertProblemAsync(response, status, code, field, because);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_message_over_the_limit_is_413_naming_the_field()
    {
        var body = $$"""{"message": "{{new string('a', 2001)}}", "session_id": "{{_session}}"}""";

        using var response = await _client.PostAsync("/chat", Json.Body(body));

        await AssertProblemAsync(response, 413, "message_too_long", "message");
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_message_over_the_limit_without_a_session_creates_no_session()
    {
        using var response = await _client.PostAsync("/chat", Json.Body($$"""{"message": "{{new string('a', 2001)}}"}"""));

        await AssertProblemAsync(response, 413, "message_too_long", "message");
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_413_whether_declared_or_streamed()
    {
        var huge = $$"""{"message": "{{new string('a', 70_000)}}", "session_id": "{{_session}}"}""";
        using var declared = await _client.PostAsync("/chat", Json.Body(huge));

        using var streamed = new HttpRequestMessage(HttpMethod.Post, "/chat")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge))),
        };
        streamed.Content.Headers.ContentType = new("application/json");
        streamed.Headers.TransferEncodingChunked = true;
        using var chunked = await _client.SendAsync(streamed);

        await AssertProblemAsync(declared, 413, "body_too_large", null);
        await AssertProblemAsync(chunked, 413, "body_too_large", null);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Invalid_utf8_in_the_message_is_400_naming_it()
    {
        byte[] prefix = Encoding.UTF8.GetBytes("{\"message\": \"caf");
        byte[] invalid = [0xC3, 0x28, 0xFF];
        byte[] suffix = Encoding.UTF8.GetBytes($"\", \"session_id\": \"{_session}\"}}");
        byte[] bytes = [.. prefix, .. invalid, .. suffix];

        using var response = await _client.PostAsync("/chat", Json.Raw(bytes));

        await AssertProblemAsync(response, 400, "message_invalid_text", "message");
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_json_is_415(string contentType)
    {
        using var response = await _client.PostAsync("/chat", Json.Raw(Encoding.UTF8.GetBytes($$"""{"message":"hi","session_id":"{{_session}}"}"""), contentType));

        await AssertProblemAsync(response, 415, "unsupported_media_type", null);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_charset_the_server_cannot_decode_is_415_naming_the_content_type_not_500()
    {
        using var response = await _client.PostAsync("/chat", Json.Raw(Encoding.UTF8.GetBytes($$"""{"message":"hi","session_id":"{{_session}}"}"""), "application/json; charset=klingon"));

        await AssertProblemAsync(response, 415, "unsupported_media_type", "Content-Type");
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_nul_in_a_filter_or_a_field_is_400_on_postgresql_which_cannot_hold_it_not_500()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Postgres));
        var client = app.OperatorClient();

        using var filter = await client.GetAsync("/api/v1/sessions?q=a%00b");
        using var page = await client.GetAsync("/api/v1/jobs?kind=a%00b");
        using var field = await client.PostAsync("/api/v1/sessions", Json.Body("""{"agent":"assistant","customer_id":"a\u0000b"}"""));

        await AssertProblemAsync(filter, 400, "invalid_field", "q");
        await AssertProblemAsync(page, 400, "invalid_field", "kind");
        await AssertProblemAsync(field, 400, "bad_request", null);
        Assert.Empty((await client.GetJsonAsync("/api/v1/sessions"))["sessions"]!.AsArray());
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_not_crashed()
    {
        var body = new string('[', 5000) + new string(']', 5000);

        using var response = await _client.PostAsync("/chat", Json.Body(body));

        await AssertProblemAsync(response, 400, "invalid_json", null);
    }

    [Theory]
    [InlineData("/session/not-a-uuid")]
    [InlineData("/session/0199a3b4-7c1e-7d2f-9a41-5b6c7d8e9f01")]
    [InlineData("/session/0199a3b4-7c1e-7d2f-9a41-5b6c7d8e9f01/debug")]
    [InlineData("/api/v1/sessions/0199a3b4-7c1e-7d2f-9a41-5b6c7d8e9f01")]
    [InlineData("/api/v1/sessions/%27%20OR%201%3D1/messages")]
    public async Task Unknown_or_malformed_session_ids_are_404(string path)
    {
        using var response = await _client.GetAsync(path);

        await AssertProblemAsync(response, 404, "session_not_found", "session_id");
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("after=-1", "after")]
    [InlineData("after=1e9", "after")]
    public async Task Bad_paging_parameters_are_400_naming_the_parameter(string query, string field)
    {
        using var response = await _client.GetAsync($"/api/v1/sessions/{_session}/messages?{query}");

        await AssertProblemAsync(response, 400, "invalid_field", field);
    }

    [Fact]
    public async Task An_unknown_agent_is_404()
    {
        using var response = await _client.PostAsync("/api/v1/sessions", Json.Body("""{"agent":"nobody"}"""));

        await AssertProblemAsync(response, 404, "agent_not_found", "agent");
    }

    [Fact]
    public async Task Injection_strings_are_stored_and_returned_verbatim_as_json_text()
    {
        const string text = "<script>alert('x')</script> '; DROP TABLE messages; -- {{1}} ${jndi:ldap://x}";

        await _client.PostJsonAsync("/chat", new { message = text, session_id = _session });
        using var history = await _client.GetAsync($"/session/{_session}");
        var raw = await history.Content.ReadAsStringAsync();

        Assert.Equal("application/json; charset=utf-8", history.Content.Headers.ContentType?.ToString());
        Assert.DoesNotContain("<script>", raw);
        Assert.Equal(text, (string?)(await history.ReadObjectAsync())["messages"]![0]!["content"]);
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_document_too()
    {
        using var response = await _client.GetAsync("/no/such/route");

        await AssertProblemAsync(response, 404, "not_found", null);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string code, string? field, string? because = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{because}: expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal($"urn:concierge:problem:{code}", (string?)problem["type"]);
        Assert.Equal(status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), "a problem needs a human detail");
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), (string?)problem["request_id"]);
        Assert.Equal(field, (string?)problem["field"]);
    }

    private async Task AssertNothingWrittenAsync()
    {
        var session = await _client.GetJsonAsync($"/api/v1/sessions/{_session}");
        Assert.Equal(0, (int)session["message_count"]!);
        Assert.Empty((await _client.GetJsonAsync($"/session/{_session}"))["messages"]!.AsArray());
    }
}
