using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Jobs;
using Concierge.Server.Compat;
using Concierge.Server.Safety;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Safety;

/// <summary>
/// Seed 004's chat routes with the wellbeing agent, offline: the protocol on a crisis, flags in the
/// history and the debug document, crisis mode, the alert webhook, the rate limit and its crisis exception.
/// </summary>
public sealed class WellbeingChatTests : IAsyncLifetime
{
    private const string Secret = "alert-signing-secret";
    private AlertReceiver _receiver = null!;
    private ConciergeApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _receiver = await AlertReceiver.StartAsync();
        _app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["ALERT_WEBHOOK_URL"] = _receiver.Url.ToString(),
            ["ALERT_WEBHOOK_SECRET"] = Secret,
            ["Concierge:Jobs:PollInterval"] = "20ms",
        })
        {
            TestServices = services => services.AddSingleton(new JobRetryPolicy(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(100), 5)),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_crisis_gets_the_es_CL_protocol_a_flagged_message_and_a_signed_alert_without_the_text()
    {
        var user = _app.AddUser(Role.Customer).Id;
        var client = _app.ClientFor(user);

        var turn = await SendAsync(client, "ya no quiero seguir viviendo");

        Assert.True((bool)turn["user_message"]!["crisis"]!);
        Assert.Equal("crisis", (string?)turn["ai_message"]!["protocol"]);
        Assert.Contains("*4141", (string?)turn["ai_message"]!["content"]);
        Assert.Equal("ya no quiero seguir viviendo", (string?)turn["user_message"]!["content"]);
        Assert.NotNull(turn["user_message"]!["id"]);
        Assert.NotNull(turn["ai_message"]!["created_at"]);

        var alerts = await _receiver.WaitForAsync(1);
        var (body, raw, headers) = Assert.Single(alerts);
        Assert.Equal("crisis.detected", (string?)body["kind"]);
        Assert.Contains((string?)body["severity"], new[] { "warning", "critical" });
        Assert.Equal("wellbeing", (string?)body["details"]!["agent"]);
        Assert.DoesNotContain("viviendo", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(AlertSendJob.Sign(Secret, raw), headers[AlertSendJob.SignatureHeader].ToString());
        Assert.Equal((string?)body["id"], headers[AlertSendJob.AlertIdHeader].ToString());

        var session = await SessionIdAsync(user);
        var page = await _app.OperatorClient().GetJsonAsync($"/api/v1/sessions/{session}/messages");
        var messages = page["messages"]!.AsArray();
        Assert.True((bool)messages[0]!["safety"]!["crisis"]!);
        Assert.NotEqual("none", (string?)messages[0]!["safety"]!["severity"]);
        Assert.StartsWith("es.", (string?)messages[0]!["safety"]!["rule"]);
        Assert.Null(messages[1]!["safety"]);
        var debug = await _app.OperatorClient().GetJsonAsync($"/api/v1/sessions/{session}/debug");
        Assert.True((bool)debug["messages"]![0]!["safety"]!["crisis"]!);
        Assert.NotNull(debug["session_info"]!["crisis_since"]);
    }

    [Theory]
    [InlineData("me muero de la risa")]
    [InlineData("Estoy frustrado")]
    [InlineData("I would never kill myself")]
    [InlineData("this traffic is killing me")]
    public async Task An_idiom_or_an_ordinary_message_gets_a_normal_reply_and_no_alert(string text)
    {
        var client = _app.ClientAs(Role.Customer);

        var turn = await SendAsync(client, text);

        Assert.False((bool)turn["user_message"]!["crisis"]!);
        Assert.Null(turn["ai_message"]!["protocol"]);
        Assert.DoesNotContain("*4141", (string?)turn["ai_message"]!["content"]);
        await Task.Delay(300, Ct);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task After_a_crisis_the_turns_stay_supportive_until_three_calm_messages_end_crisis_mode()
    {
        var user = _app.AddUser(Role.Customer).Id;
        var client = _app.ClientFor(user);
        await SendAsync(client, "quiero matarme");

        var calm1 = await SendAsync(client, "gracias");
        var distress = await SendAsync(client, "no aguanto más");
        var calm2 = await SendAsync(client, "ok");
        var calm3 = await SendAsync(client, "ya estoy más tranquila");
        var calm4 = await SendAsync(client, "Estoy frustrado");

        // Supportive follow-ups keep the hotline visible; distress right after a crisis is one
        // again (the protocol answers), and the calm count starts over.
        Assert.Equal("crisis", (string?)distress["ai_message"]!["protocol"]);
        foreach (var supportive in new[] { calm1, calm2, calm3 })
        {
            Assert.Contains("*4141", (string?)supportive["ai_message"]!["content"]);
            Assert.Null(supportive["ai_message"]!["protocol"]);
        }

        Assert.DoesNotContain("*4141", (string?)calm4["ai_message"]!["content"]);
        var debug = await _app.OperatorClient().GetJsonAsync($"/api/v1/sessions/{await SessionIdAsync(user)}/debug");
        Assert.Null(debug["session_info"]!["crisis_since"]);
    }

    [Fact]
    public async Task A_body_with_message_twice_is_400_naming_it_even_when_one_is_a_crisis_over_the_limit()
    {
        var client = _app.ClientAs(Role.Customer);
        for (var i = 0; i < WellbeingChatRoutes.RateLimitPerMinute; i++)
        {
            using var ok = await PostAsync(client, "/api/v1/chat/send", """{"message":"hola"}""");
        }

        // Which "message" a reader keeps is the reader's choice: the body means two things, so it is refused, not answered.
        using var twice = await PostAsync(client, "/api/v1/chat/send", """{"message":"hola","message":"voy a quitarme la vida esta noche"}""");
        using var under = await PostAsync(_app.ClientAs(Role.Customer), "/api/v1/chat/send", """{"message":"hola","message":"hola otra vez"}""");

        var problem = await twice.ReadObjectAsync();
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(("invalid_field", "message"), ((string?)problem["code"], (string?)problem["field"]));
        Assert.Equal(HttpStatusCode.BadRequest, under.StatusCode);
        Assert.Equal("message", (string?)(await under.ReadObjectAsync())["field"]);
    }

    [Fact]
    public async Task Over_the_20_a_minute_limit_an_ordinary_message_is_429_but_a_crisis_still_gets_the_protocol()
    {
        var client = _app.ClientAs(Role.Customer);
        for (var i = 0; i < WellbeingChatRoutes.RateLimitPerMinute; i++)
        {
            using var ok = await PostAsync(client, "/api/v1/chat/send", """{"message":"hola"}""");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await PostAsync(client, "/api/v1/chat/send", """{"message":"hola"}""");
        using var crisis = await PostAsync(client, "/api/v1/chat/send", """{"message":"voy a quitarme la vida esta noche"}""");
        using var streamed = await PostAsync(client, "/api/v1/chat/send-stream", """{"message":"me quiero suicidar"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, crisis.StatusCode);
        Assert.Equal("crisis", (string?)(await crisis.ReadObjectAsync())["ai_message"]!["protocol"]);
        Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
        Assert.Contains("\"protocol\":\"crisis\"", await streamed.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Over_the_limit_the_second_half_of_a_crisis_spread_over_two_messages_still_gets_the_protocol()
    {
        // Alone, "tengo las pastillas aquí" is only a means cue: a user without the first half is refused.
        var stranger = _app.ClientAs(Role.Customer);
        await ExhaustTheLimitAsync(stranger, "hola");
        using var strangerRefused = await PostAsync(stranger, "/api/v1/chat/send", """{"message":"tengo las pastillas aquí"}""");

        var client = _app.ClientAs(Role.Customer);
        await ExhaustTheLimitAsync(client, "no aguanto más");
        using var secondHalf = await PostAsync(client, "/api/v1/chat/send", """{"message":"tengo las pastillas aquí"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, strangerRefused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondHalf.StatusCode);
        var turn = await secondHalf.ReadObjectAsync();
        Assert.True((bool)turn["user_message"]!["crisis"]!);
        Assert.Equal("crisis", (string?)turn["ai_message"]!["protocol"]);
    }

    [Fact]
    public async Task Over_the_limit_a_session_in_crisis_mode_still_gets_its_supportive_reply()
    {
        var client = _app.ClientAs(Role.Customer);
        await ExhaustTheLimitAsync(client, "quiero matarme");

        using var calm = await PostAsync(client, "/api/v1/chat/send", """{"message":"gracias"}""");
        using var streamed = await PostAsync(client, "/api/v1/chat/send-stream", """{"message":"ok"}""");

        Assert.Equal(HttpStatusCode.OK, calm.StatusCode);
        Assert.Contains("*4141", (string?)(await calm.ReadObjectAsync())["ai_message"]!["content"]);
        Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
        Assert.Contains("*4141", await streamed.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Send_stream_speaks_seed_004s_data_only_events_ending_with_done()
    {
        var client = _app.ClientAs(Role.Customer);

        using var response = await PostAsync(client, "/api/v1/chat/send-stream", """{"message":"no quiero vivir más"}""");
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("event:", text);
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split('\n').FirstOrDefault(l => l.StartsWith("data: ", StringComparison.Ordinal)))
            .Where(l => l is not null)
            .Select(l => JsonNode.Parse(l!["data: ".Length..])!)
            .ToList();
        Assert.Equal("delta", (string?)events[0]["type"]);
        Assert.Contains("*4141", (string?)events[0]["content"]);
        var done = events[^1];
        Assert.Equal("done", (string?)done["type"]);
        Assert.True((bool)done["user_message"]!["crisis"]!);
        Assert.Equal("crisis", (string?)done["ai_message"]!["protocol"]);
    }

    [Theory]
    [InlineData("/api/v1/chat/send")]
    [InlineData("/api/v1/chat/send-stream")]
    public async Task An_invalid_or_missing_token_is_a_401_problem(string path)
    {
        using var forged = await PostAsync(_app.WithBearer("not.a.jwt"), path, """{"message":"hola"}""");
        using var none = await PostAsync(_app.Client(), path, """{"message":"hola"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    [Theory]
    [InlineData("""{"message":""}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"message":null}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"message":42}""", HttpStatusCode.BadRequest)]
    [InlineData("""{}""", HttpStatusCode.BadRequest)]
    [InlineData("""not json""", HttpStatusCode.BadRequest)]
    public async Task Bad_bodies_are_4xx_problems_naming_the_message(string body, HttpStatusCode expected)
    {
        using var response = await PostAsync(_app.ClientAs(Role.Customer), "/api/v1/chat/send", body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Emoji_only_zero_width_mixed_and_overlong_messages_go_through_without_errors()
    {
        var client = _app.ClientAs(Role.Customer);

        var emoji = await SendAsync(client, "😂😂😂🤣");
        var zeroWidth = await SendAsync(client, "qu\u200Biero mo\u200Drir");
        var mixed = await SendAsync(client, "hello amigo, tudo bem? I'm fine, gracias");
        using var huge = await PostAsync(client, "/api/v1/chat/send", new JsonObject { ["message"] = new string('a', 2001) }.ToJsonString());

        Assert.False((bool)emoji["user_message"]!["crisis"]!);
        Assert.True((bool)zeroWidth["user_message"]!["crisis"]!);
        Assert.False((bool)mixed["user_message"]!["crisis"]!);
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, huge.StatusCode.ToString());
    }

    [Fact]
    public async Task An_alert_the_receiver_refuses_with_503_is_retried_by_the_job_policy_until_it_lands()
    {
        _receiver.Answer(503, 503);
        var client = _app.ClientAs(Role.Customer);

        await SendAsync(client, "me voy a tirar del puente");

        var received = await _receiver.WaitForAsync(3);
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => (string?)r.Body["id"]).Distinct());
        Assert.Equal([1, 2, 3], received.Select(r => (int)r.Body["attempt"]!));
    }

    // Uses up the minute's requests, the last one carrying the given message.
    private static async Task ExhaustTheLimitAsync(HttpClient client, string lastMessage)
    {
        for (var i = 1; i <= WellbeingChatRoutes.RateLimitPerMinute; i++)
        {
            await SendAsync(client, i == WellbeingChatRoutes.RateLimitPerMinute ? lastMessage : "hola");
        }
    }

    private static async Task<JsonObject> SendAsync(HttpClient client, string message)
    {
        using var response = await PostAsync(client, "/api/v1/chat/send", new JsonObject { ["message"] = message }.ToJsonString());
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.ReadObjectAsync();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")), Ct);

    private async Task<string> SessionIdAsync(Guid user)
    {
        var list = await _app.OperatorClient().GetJsonAsync($"/api/v1/sessions?agent=wellbeing&customer_id={user}");
        return (string)list["sessions"]![0]!["id"]!;
    }
}
