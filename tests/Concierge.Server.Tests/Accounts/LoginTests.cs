using System.Diagnostics;
using System.Net;
using Concierge.Agents;
using Concierge.Server.Accounts;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Accounts;

public sealed class LoginTests
{
    private const string Login = "/api/v1/login/access-token";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_signs_in_with_a_form_and_the_token_opens_the_native_api_for_their_tenant()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        await AddUserAsync(app, "ana@example.com", "correct horse battery", "operator");

        using var response = await app.Client().PostAsync(Login, Form(("username", "Ana@Example.com"), ("password", "correct horse battery")), Ct);
        var body = await response.ReadObjectAsync();
        using var sessions = await app.WithBearer((string)body["access_token"]!).GetAsync("/api/v1/sessions", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bearer", (string?)body["token_type"]);
        Assert.Equal(3600, (int)body["expires_in"]!);
        Assert.Equal(HttpStatusCode.OK, sessions.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer_in_a_similar_time()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        await AddUserAsync(app, "ana@example.com", "correct horse battery", "operator");
        var client = app.Client();

        // Warm both paths first, so the first call's start-up cost is not measured.
        (await client.PostAsync(Login, Form(("username", "warm@example.com"), ("password", "x")), Ct)).Dispose();
        var (wrong, wrongTime) = await TimedAsync(client, "ana@example.com", "wrong password");
        var (unknown, unknownTime) = await TimedAsync(client, "nobody@example.com", "wrong password");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(wrong.Status, unknown.Status);
        Assert.Equal(wrong.Code, unknown.Code);
        Assert.Equal(wrong.Detail, unknown.Detail);
        var ratio = Math.Max(wrongTime, unknownTime) / Math.Max(1, Math.Min(wrongTime, unknownTime));
        Assert.True(ratio < 5, $"wrong password took {wrongTime} ms, unknown user {unknownTime} ms");
    }

    [Fact]
    public async Task Five_failures_lock_the_username_even_for_the_right_password_and_say_when_to_retry()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        await AddUserAsync(app, "ana@example.com", "correct horse battery", "operator");
        var client = app.Client();
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            (await client.PostAsync(Login, Form(("username", "ana@example.com"), ("password", "guess " + i)), Ct)).Dispose();
        }

        using var locked = await client.PostAsync(Login, Form(("username", "ana@example.com"), ("password", "correct horse battery")), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);
        Assert.Equal("login_locked", (string?)(await locked.ReadObjectAsync())["code"]);
    }

    public static TheoryData<string, string, string> BadForms => new()
    {
        { "username=&password=secret123", "application/x-www-form-urlencoded", "username" },
        { "password=secret123", "application/x-www-form-urlencoded", "username" },
        { "username=ana%40example.com", "application/x-www-form-urlencoded", "password" },
        { "username=" + new string('a', 300) + "%40example.com&password=secret123", "application/x-www-form-urlencoded", "username" },
        { "username=ana%40example.com&password=" + new string('p', 200), "application/x-www-form-urlencoded", "password" },
        { "username=%C3%A1na%40example.com&password=secret123", "application/x-www-form-urlencoded", "username" },
        { "username=%27%20OR%201%3D1%20--&password=secret123", "application/x-www-form-urlencoded", "username" },
        { "username=a%40b.com&username=c%40d.com&password=secret123", "application/x-www-form-urlencoded", "username" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_malformed_sign_in_is_a_400_that_names_the_field(string body, string contentType, string field)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        using var response = await app.Client().PostAsync(Login, Json.Raw(System.Text.Encoding.UTF8.GetBytes(body), contentType), Ct);
        var problem = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (string?)problem["field"]);
        Assert.NotNull(problem["request_id"]);
        Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_sign_in_is_refused_as_the_wrong_media_type()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));

        using var response = await app.Client().PostAsync(Login, Json.Body("""{"username":"ana@example.com","password":"secret123"}"""), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", (string?)(await response.ReadObjectAsync())["code"]);
    }

    internal static Task<User> AddUserAsync(ConciergeApp app, string username, string password, string role, Guid? tenantId = null) =>
        app.Services.GetRequiredService<AccountService>().AddUserAsync(tenantId ?? DemoTenant.TenantId, username, password, role, CancellationToken.None);

    internal static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task<((HttpStatusCode Status, string? Code, string? Detail) Answer, double Ms)> TimedAsync(HttpClient client, string username, string password)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(Login, Form(("username", username), ("password", password)), Ct);
        var problem = await response.ReadObjectAsync();
        return ((response.StatusCode, (string?)problem["code"], (string?)problem["detail"]), watch.Elapsed.TotalMilliseconds);
    }
}
