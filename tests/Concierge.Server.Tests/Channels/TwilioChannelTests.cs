using System.Collections.Specialized;
using System.Net;
using System.Text;
using Concierge.Server.Channels;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeTwilio;
using static Concierge.Server.Tests.Channels.ChannelFixtures;
using static Concierge.Server.Tests.Channels.TwilioFixtures;

namespace Concierge.Server.Tests.Channels;

/// <summary>Twilio as a channel: X-Twilio-Signature (FACTS.md §3.2 vectors), TwiML replies, dedup by MessageSid, the REST fallback, 63016.</summary>
public sealed class TwilioChannelTests
{
    private static NameValueCollection Params(params (string Name, string Value)[] pairs)
    {
        var collection = new NameValueCollection();
        foreach (var (name, value) in pairs)
        {
            collection.Add(name, value);
        }

        return collection;
    }

    [Fact]
    public void The_validator_accepts_Twilios_documented_vectors_and_refuses_changed_ones()
    {
        var a = Params(("CallSid", "CA1234567890ABCDE"), ("Caller", "+14158675310"), ("Digits", "1234"), ("From", "+14158675310"), ("To", "+18005551212"));
        Assert.True(TwilioWebhooks.IsValid("12345", "https://example.com/myapp.php?foo=1&bar=2", a, "L/OH5YylLD5NRKLltdqwSvS0BnU="));
        var c = Params(("CallSid", "CA1234567890ABCDE"), ("Digits", "1234"), ("From", "+14158675309"), ("To", "+18005551212"), ("Caller", "+14158675309"));
        Assert.True(TwilioWebhooks.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", c, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        // The default port added or not: both signatures are accepted for the other URL form.
        Assert.True(TwilioWebhooks.IsValid("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2", c, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Assert.True(TwilioWebhooks.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", c, "kvajT1Ptam85bY51eRf/AJRuM3w="));
        Assert.True(TwilioWebhooks.IsValid("12345", "https://mycompany.com:1234/myapp.php?foo=1&bar=2", c, "CYn1h0gLBdNxDGkKJg6hYohgeD8="));
        Assert.True(TwilioWebhooks.IsValid("12345", "https://mycompany.com:1234/myapp.php?foo=1&bar=2", c, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Assert.True(TwilioWebhooks.IsValid("12345", "http://mycompany.com/myapp.php?foo=1&bar=2", c, "0ZXoZLH/DfblKGATFgpif+LLRf4="));

        Assert.False(TwilioWebhooks.IsValid("12345", "https://MyCompany.com/myapp.php?foo=1&bar=2", c, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Assert.False(TwilioWebhooks.IsValid("12346", "https://mycompany.com/myapp.php?foo=1&bar=2", c, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        c["Digits"] = "1235";
        Assert.False(TwilioWebhooks.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", c, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Assert.False(TwilioWebhooks.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", c, null));
    }

    [Fact]
    public void TwiML_replies_are_XML_escaped()
    {
        Assert.Equal(
            """<?xml version="1.0" encoding="UTF-8"?><Response><Message>5 &lt; 6 &amp; "ok" 👋</Message></Response>""",
            TwilioWebhooks.Reply("5 < 6 & \"ok\" 👋").Replace("&quot;", "\"", StringComparison.Ordinal));
    }

    private static async Task<(ConciergeApp App, FakeTwilioServer Twilio)> StartAsync(string replyWithin = "10s", string? template = null, string? agent = null)
    {
        var twilio = await FakeTwilioServer.StartAsync(Ct);
        var settings = TwilioFixtures.Settings(twilio.BaseUrl, replyWithin);
        settings["WHATSAPP_AGENT"] = agent;
        _ = template;
        return (new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), settings), twilio);
    }

    [Fact]
    public async Task A_signed_message_is_answered_with_the_turns_reply_as_TwiML()
    {
        var (app, twilio) = await StartAsync();
        await using var _ = app;
        await using var __ = twilio;

        using var response = await TwilioFixtures.PostSignedAsync(app.Client(), Inbound("SM11111111111111111111111111111111", "Hello <there> & hi"));
        var xml = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("""<?xml version="1.0" encoding="UTF-8"?><Response><Message>""", xml, StringComparison.Ordinal);
        Assert.Empty(twilio.Requests);
        var sessions = (await app.OperatorClient().GetJsonAsync($"/api/v1/sessions?customer_id={Uri.EscapeDataString($"twilio:{Number}:{Customer}")}"))["sessions"]!.AsArray();
        var messages = await MessagesAsync(app.OperatorClient(), Assert.Single(sessions)!["id"]!.GetValue<string>());
        Assert.Equal("Hello <there> & hi", messages[0]!["content"]!.GetValue<string>());
        Assert.Equal("twiml", messages[1]!["delivery"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Choices_are_numbered_lines_and_a_reply_of_just_a_number_is_that_choice()
    {
        var (app, twilio) = await StartAsync(agent: "hibachi");
        await using var _ = app;
        await using var __ = twilio;

        var slots = await (await TwilioFixtures.PostSignedAsync(app.Client(), Inbound("SM55555555555555555555555555555551", "Hibachi at home for 6 tomorrow, I'm Ana Rojas, +1 212 555 0143"))).Content.ReadAsStringAsync(Ct);
        var second = System.Text.RegularExpressions.Regex.Match(slots, @"\n2\. ([^\n<]+)").Groups[1].Value;
        var confirm = await (await TwilioFixtures.PostSignedAsync(app.Client(), Inbound("SM55555555555555555555555555555552", "2"))).Content.ReadAsStringAsync(Ct);
        var booked = await (await TwilioFixtures.PostSignedAsync(app.Client(), Inbound("SM55555555555555555555555555555553", "1"))).Content.ReadAsStringAsync(Ct);

        Assert.Contains("\n\n1. ", slots, StringComparison.Ordinal);
        Assert.NotEmpty(second);
        Assert.Contains("Shall I book Hibachi at home for 6 people", confirm, StringComparison.Ordinal);
        Assert.Contains(second, confirm, StringComparison.Ordinal);
        Assert.EndsWith("\n\n1. Yes\n2. No</Message></Response>", confirm, StringComparison.Ordinal);
        Assert.Contains("confirmed", booked, StringComparison.Ordinal);
        var sessions = (await app.OperatorClient().GetJsonAsync($"/api/v1/sessions?customer_id={Uri.EscapeDataString($"twilio:{Number}:{Customer}")}"))["sessions"]!.AsArray();
        var messages = await MessagesAsync(app.OperatorClient(), Assert.Single(sessions)!["id"]!.GetValue<string>());
        Assert.EndsWith(second, messages[2]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("yes", messages[4]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_number_when_the_last_reply_offered_no_choices_is_read_as_typed()
    {
        var (app, twilio) = await StartAsync(agent: "hibachi");
        await using var _ = app;
        await using var __ = twilio;

        await TwilioFixtures.PostSignedAsync(app.Client(), Inbound("SM66666666666666666666666666666661", "Hibachi at home tomorrow at 7pm, I'm Ana Rojas, +1 212 555 0143"));
        var asked = await (await TwilioFixtures.PostSignedAsync(app.Client(), Inbound("SM66666666666666666666666666666662", "6"))).Content.ReadAsStringAsync(Ct);

        var sessions = (await app.OperatorClient().GetJsonAsync($"/api/v1/sessions?customer_id={Uri.EscapeDataString($"twilio:{Number}:{Customer}")}"))["sessions"]!.AsArray();
        var messages = await MessagesAsync(app.OperatorClient(), Assert.Single(sessions)!["id"]!.GetValue<string>());
        Assert.Equal("6", messages[2]!["content"]!.GetValue<string>());
        Assert.Contains("for 6 people", asked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_or_wrongly_signed_request_is_403_and_a_repeated_MessageSid_is_answered_empty()
    {
        var (app, twilio) = await StartAsync();
        await using var _ = app;
        await using var __ = twilio;
        var form = Inbound("SM22222222222222222222222222222222", "hi");

        Assert.Equal(HttpStatusCode.Forbidden, (await TwilioFixtures.PostAsync(app.Client(), form, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TwilioFixtures.PostAsync(app.Client(), form, Sign(PublicBase + "/webhooks/twilio", form, "another_token"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TwilioFixtures.PostAsync(app.Client(), form, Sign("http://localhost/webhooks/twilio", form))).StatusCode);
        Assert.Null((await app.OperatorClient().GetJsonAsync("/api/v1/sessions"))["sessions"]!.AsArray().FirstOrDefault(s => s!["channel"]!.GetValue<string>() == "twilio"));

        var first = await (await TwilioFixtures.PostSignedAsync(app.Client(), form)).Content.ReadAsStringAsync(Ct);
        var again = await (await TwilioFixtures.PostSignedAsync(app.Client(), form)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("<Message>", first, StringComparison.Ordinal);
        Assert.Equal("""<?xml version="1.0" encoding="UTF-8"?><Response />""", again);
    }

    [Fact]
    public async Task A_reply_not_ready_within_the_limit_gets_empty_TwiML_and_goes_through_the_REST_API()
    {
        var (app, twilio) = await StartAsync(replyWithin: "0s");
        await using var _ = app;
        await using var __ = twilio;

        var xml = await (await TwilioFixtures.PostSignedAsync(app.Client(), Inbound("SM33333333333333333333333333333333", "hi there"))).Content.ReadAsStringAsync(Ct);
        var sent = await EventuallyAsync(async () => twilio.Requests.FirstOrDefault() is { Path: not null } r ? new[] { r } : null, "the REST send");

        Assert.Equal("""<?xml version="1.0" encoding="UTF-8"?><Response />""", xml);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", sent[0].Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")), sent[0].Authorization);
        Assert.Equal(Customer, sent[0].Form["To"]);
        Assert.Equal(Number, sent[0].Form["From"]);
        Assert.False(string.IsNullOrEmpty(sent[0].Form["Body"]));
    }

    [Fact]
    public async Task Twilio_63016_with_no_template_holds_the_reply_like_131047()
    {
        var (app, twilio) = await StartAsync(replyWithin: "0s");
        await using var _ = app;
        await using var __ = twilio;
        twilio.Error(400, 63016, "Failed to send freeform message because you are outside the allowed window.");

        await TwilioFixtures.PostSignedAsync(app.Client(), Inbound("SM44444444444444444444444444444444", "hello"));
        var held = await EventuallyAsync(
            async () =>
            {
                var sessions = (await app.OperatorClient().GetJsonAsync($"/api/v1/sessions?customer_id={Uri.EscapeDataString($"twilio:{Number}:{Customer}")}"))["sessions"]!.AsArray();
                if (sessions.Count == 0)
                {
                    return null;
                }

                var messages = await MessagesAsync(app.OperatorClient(), sessions[0]!["id"]!.GetValue<string>());
                return messages.FirstOrDefault(m => m!["delivery"]?["state"]?.GetValue<string>() == "held")?.AsObject();
            },
            "the held reply");

        Assert.Equal(63016, held["delivery"]!["error_code"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_status_callback_moves_the_delivery()
    {
        var (app, twilio) = await StartAsync(replyWithin: "0s");
        await using var _ = app;
        await using var __ = twilio;
        await TwilioFixtures.PostSignedAsync(app.Client(), Inbound("SM55555555555555555555555555555555", "hello"));
        await EventuallyAsync(async () => twilio.Requests.Count > 0 ? twilio.Requests : null, "the REST send");
        await Task.Delay(300, Ct);
        var sid = "SM" + 1.ToString("D32", System.Globalization.CultureInfo.InvariantCulture);

        var status = new Dictionary<string, string> { ["MessageSid"] = sid, ["MessageStatus"] = "undelivered", ["ErrorCode"] = "63024", ["AccountSid"] = AccountSid, ["To"] = Customer, ["From"] = Number };
        Assert.Equal(HttpStatusCode.OK, (await TwilioFixtures.PostSignedAsync(app.Client(), status)).StatusCode);

        var sessions = (await app.OperatorClient().GetJsonAsync($"/api/v1/sessions?customer_id={Uri.EscapeDataString($"twilio:{Number}:{Customer}")}"))["sessions"]!.AsArray();
        var messages = await MessagesAsync(app.OperatorClient(), sessions[0]!["id"]!.GetValue<string>());
        Assert.Equal("failed", messages[1]!["delivery"]!["state"]!.GetValue<string>());
        Assert.Equal(63024, messages[1]!["delivery"]!["error_code"]!.GetValue<int>());
    }
}
