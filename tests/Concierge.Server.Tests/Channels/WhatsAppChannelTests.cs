using System.Net;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Jobs;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Templates;
using Concierge.Templates;
using Concierge.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;
using static Concierge.Server.Tests.Channels.ChannelFixtures;

namespace Concierge.Server.Tests.Channels;

/// <summary>
/// WhatsApp as a channel, against a fake Graph API speaking Meta's wire format: the signed
/// webhook, one durable turn per wamid, the reply through /messages, statuses, the window, errors.
/// </summary>
public sealed class WhatsAppChannelTests
{
    private static async Task<(ConciergeApp App, FakeGraphServer Graph)> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var graph = await FakeGraphServer.StartAsync(Ct);
        var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), Settings(graph.BaseUrl, extra))
        {
            // Retries a second apart, not minutes: the backoff itself is JobRetryPolicy's (tested there).
            TestServices = s => s.AddSingleton(new JobRetryPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), 8)),
        };
        return (app, graph);
    }

    private static async Task<JsonObject> DeliveredReplyAsync(ConciergeApp app, string state)
    {
        var client = app.OperatorClient();
        return await EventuallyAsync(
            async () =>
            {
                var id = await SessionIdAsync(client);
                if (id is null)
                {
                    return null;
                }

                var messages = await MessagesAsync(client, id);
                return messages.LastOrDefault(m => m!["role"]!.GetValue<string>() == "assistant" && m["delivery"]?["state"]?.GetValue<string>() == state)?.AsObject();
            },
            $"an assistant message with delivery {state}");
    }

    [Fact]
    public async Task A_signed_text_message_gets_200_at_once_and_the_turns_reply_goes_out_through_the_Graph_messages_endpoint()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;

        using var response = await PostSignedAsync(app.Client(), Text("I need a template for appointment reminders", "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU0MUIyNgA="));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await DeliveredReplyAsync(app, "sent");
        var sent = Assert.Single(graph.Sent);
        Assert.Equal($"/v21.0/{PhoneNumberId}/messages", sent.Path);
        Assert.Equal("Bearer EAAG-test-token", sent.Headers["Authorization"]);
        Assert.Equal("whatsapp", sent.Body!["messaging_product"]!.GetValue<string>());
        Assert.Equal("+" + WaId, sent.Body["to"]!.GetValue<string>());
        Assert.Equal(reply["content"]!.GetValue<string>(), sent.Body["text"]!["body"]!.GetValue<string>());
        Assert.StartsWith("wamid.FAKE", reply["delivery"]!["external_id"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_webhooks_move_the_replys_delivery_forward_and_never_back()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        await PostSignedAsync(app.Client(), Text("hello", "wamid.status-test"));
        var wamid = (await DeliveredReplyAsync(app, "sent"))["delivery"]!["external_id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(app.Client(), Status(wamid, "delivered"))).StatusCode);
        await DeliveredReplyAsync(app, "delivered");
        await PostSignedAsync(app.Client(), Status(wamid, "read"));
        await PostSignedAsync(app.Client(), Status(wamid, "delivered"));
        var read = await DeliveredReplyAsync(app, "read");

        Assert.Equal("read", read["delivery"]!["state"]!.GetValue<string>());
        var debug = await app.OperatorClient().GetJsonAsync($"/api/v1/sessions/{await SessionIdAsync(app.OperatorClient())}/debug");
        Assert.Contains(debug["messages"]!.AsArray(), m => m!["delivery"]?["state"]?.GetValue<string>() == "read");
    }

    [Fact]
    public async Task An_unsigned_or_wrongly_signed_delivery_is_401_and_nothing_is_processed()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        var json = Text("hello", "wamid.unsigned");

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(app.Client(), json, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(app.Client(), json, Sign(json, "another_secret"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(app.Client(), json, Sign(json + " "))).StatusCode);

        await Task.Delay(500, Ct);
        Assert.Null(await SessionIdAsync(app.OperatorClient()));
        Assert.Empty(graph.Sent);
    }

    [Fact]
    public async Task The_same_wamid_delivered_twice_at_once_makes_one_turn_and_one_reply()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        var json = Text("hello there", "wamid.twice");

        var responses = await Task.WhenAll(PostSignedAsync(app.Client(), json), PostSignedAsync(app.Client(), json), PostSignedAsync(app.Client(), json));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await DeliveredReplyAsync(app, "sent");
        await Task.Delay(500, Ct);
        Assert.Single(graph.Sent);
        Assert.Equal(2, (await MessagesAsync(app.OperatorClient(), (await SessionIdAsync(app.OperatorClient()))!)).Count);
    }

    [Fact]
    public async Task A_photo_without_caption_gets_a_polite_text_answer_and_a_reaction_is_recorded_and_not_answered()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;

        await PostSignedAsync(app.Client(), Message(new JsonObject { ["type"] = "image", ["image"] = new JsonObject { ["id"] = "1479537139650973", ["mime_type"] = "image/jpeg", ["sha256"] = "abc" } }, "wamid.image"));
        var reply = await DeliveredReplyAsync(app, "sent");
        await PostSignedAsync(app.Client(), Message(new JsonObject { ["type"] = "reaction", ["reaction"] = new JsonObject { ["message_id"] = "wamid.image", ["emoji"] = "👍" } }, "wamid.reaction"));
        await PostSignedAsync(app.Client(), Message(new JsonObject { ["type"] = "location", ["location"] = new JsonObject { ["latitude"] = 38.9, ["longitude"] = -77.0 } }, "wamid.location"));
        await EventuallyAsync(async () => graph.Sent.Count >= 2 ? graph.Sent : null, "the location's answer");
        await Task.Delay(300, Ct);

        Assert.Contains("only read text", reply["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, graph.Sent.Count);
    }

    [Fact]
    public async Task A_caption_and_a_button_reply_are_taken_as_the_customers_text()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;

        await PostSignedAsync(app.Client(), Message(new JsonObject { ["type"] = "image", ["image"] = new JsonObject { ["id"] = "1", ["caption"] = "مرحبا 👋 can you help?" } }, "wamid.caption"));
        await DeliveredReplyAsync(app, "sent");
        await PostSignedAsync(app.Client(), Message(new JsonObject { ["type"] = "interactive", ["interactive"] = new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = "UTILITY", ["title"] = "Utility" } } }, "wamid.button"));
        await EventuallyAsync(async () => graph.Sent.Count >= 2 ? graph.Sent : null, "the second reply");

        var messages = await MessagesAsync(app.OperatorClient(), (await SessionIdAsync(app.OperatorClient()))!);
        Assert.Equal("مرحبا 👋 can you help?", messages[0]!["content"]!.GetValue<string>());
        Assert.Equal("UTILITY", messages[2]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_outside_the_window_with_no_approved_template_is_held_and_an_alert_is_raised()
    {
        var (app, graph) = await StartAsync(new() { ["WHATSAPP_WINDOW"] = "1h" });
        await using var _ = app;
        await using var __ = graph;

        // Meta delivers late (a retry hours after the customer wrote): the window is already closed.
        await PostSignedAsync(app.Client(), Text("hello", "wamid.late", DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds()));
        var held = await DeliveredReplyAsync(app, "held");

        Assert.Equal(131047, held["delivery"]!["error_code"]!.GetValue<int>());
        Assert.Empty(graph.Sent);
        var alerts = await app.OperatorClient().GetJsonAsync("/api/v1/jobs?kind=alert.send");
        Assert.NotEmpty(alerts["jobs"]!.AsArray());
    }

    [Fact]
    public async Task Graph_131047_inside_our_window_is_treated_as_a_closed_window()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        graph.Error(400, 131047, message: "(#131047) Re-engagement message");

        await PostSignedAsync(app.Client(), Text("hello", "wamid.131047"));
        var held = await DeliveredReplyAsync(app, "held");

        Assert.Equal(131047, held["delivery"]!["error_code"]!.GetValue<int>());
    }

    /// <summary>The demo tenant's window template, APPROVED as the status webhook would leave it.</summary>
    private static async Task ApproveWindowTemplateAsync(ConciergeApp app)
    {
        var templates = app.Services.GetRequiredService<ITemplateStore>();
        var saved = await templates.SaveFinalAsync(DemoTenant.TenantId, null, TemplateSamples.Payload(name: "follow_up", language: "en_US"), Ct);
        await templates.MarkSubmittedAsync(DemoTenant.TenantId, saved.Id, "594425479261599", TemplateStatus.Approved, "UTILITY", Ct);
    }

    private static void AssertWindowTemplate(JsonNode sent, string reply)
    {
        Assert.Equal("template", (string?)sent["type"]);
        Assert.Equal("+" + WaId, (string?)sent["to"]);
        Assert.Equal("follow_up", (string?)sent["template"]!["name"]);
        Assert.Equal("en_US", (string?)sent["template"]!["language"]!["code"]);
        var body = Assert.Single(sent["template"]!["components"]!.AsArray())!;
        Assert.Equal("body", (string?)body["type"]);
        var parameter = Assert.Single(body["parameters"]!.AsArray())!;
        Assert.Equal("text", (string?)parameter["type"]);
        // The reply on one line: a template parameter may not hold new lines, tabs or runs of spaces.
        Assert.Equal(string.Join(' ', reply.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)), (string?)parameter["text"]);
    }

    [Fact]
    public async Task A_reply_outside_the_window_goes_as_the_approved_window_template_with_the_reply_as_its_parameter()
    {
        var (app, graph) = await StartAsync(new() { ["WHATSAPP_WINDOW"] = "1h", ["WHATSAPP_WINDOW_TEMPLATE"] = "follow_up:en_US" });
        await using var _ = app;
        await using var __ = graph;
        await ApproveWindowTemplateAsync(app);

        await PostSignedAsync(app.Client(), Text("I need a template for appointment reminders", "wamid.window-template", DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds()));
        var reply = await DeliveredReplyAsync(app, "sent");

        Assert.Equal("template", (string?)reply["delivery"]!["kind"]);
        AssertWindowTemplate(Assert.Single(graph.Sent).Body!, (string)reply["content"]!);
    }

    [Fact]
    public async Task Graph_131047_inside_our_window_resends_the_reply_as_the_approved_window_template()
    {
        var (app, graph) = await StartAsync(new() { ["WHATSAPP_WINDOW_TEMPLATE"] = "follow_up:en_US" });
        await using var _ = app;
        await using var __ = graph;
        await ApproveWindowTemplateAsync(app);
        graph.Error(400, 131047, message: "(#131047) Re-engagement message");

        await PostSignedAsync(app.Client(), Text("I need a template for appointment reminders", "wamid.131047-template"));
        var reply = await DeliveredReplyAsync(app, "sent");

        Assert.Equal(2, graph.Sent.Count);
        Assert.Equal("text", (string?)graph.Sent[0].Body!["type"]);
        AssertWindowTemplate(graph.Sent[1].Body!, (string)reply["content"]!);
        Assert.Equal("template", (string?)reply["delivery"]!["kind"]);
    }

    [Fact]
    public async Task A_late_failed_status_131047_resends_the_reply_once_as_the_window_template()
    {
        var (app, graph) = await StartAsync(new() { ["WHATSAPP_WINDOW_TEMPLATE"] = "follow_up:en_US" });
        await using var _ = app;
        await using var __ = graph;
        await ApproveWindowTemplateAsync(app);
        await PostSignedAsync(app.Client(), Text("I need a template for appointment reminders", "wamid.late-131047"));
        var first = await DeliveredReplyAsync(app, "sent");
        var wamid = (string)first["delivery"]!["external_id"]!;

        await PostSignedAsync(app.Client(), Status(wamid, "failed", 131047));
        await EventuallyAsync(async () => graph.Sent.Count >= 2 ? graph.Sent : null, "the re-send as the template");
        await PostSignedAsync(app.Client(), Status(wamid, "failed", 131047));
        var resent = await EventuallyAsync(
            async () => (await DeliveredReplyAsync(app, "sent")) is { } r && (string?)r["delivery"]!["kind"] == "template" ? r : null, "the template delivery");
        await Task.Delay(500, Ct);

        Assert.Equal(2, graph.Sent.Count);
        AssertWindowTemplate(graph.Sent[1].Body!, (string)first["content"]!);
        Assert.NotEqual(wamid, (string?)resent["delivery"]!["external_id"]);
        Assert.Null(resent["delivery"]!["error_code"]);
        Assert.Empty((await app.OperatorClient().GetJsonAsync("/api/v1/jobs?kind=alert.send"))["jobs"]!.AsArray());
    }

    [Fact]
    public async Task A_late_failed_status_131047_without_an_approved_template_holds_the_reply_and_raises_one_alert()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        await PostSignedAsync(app.Client(), Text("hello", "wamid.late-held"));
        var wamid = (string)(await DeliveredReplyAsync(app, "sent"))["delivery"]!["external_id"]!;

        await PostSignedAsync(app.Client(), Status(wamid, "failed", 131047));
        var held = await DeliveredReplyAsync(app, "held");
        await PostSignedAsync(app.Client(), Status(wamid, "failed", 131047));

        Assert.Equal(131047, (int)held["delivery"]!["error_code"]!);
        Assert.Single(graph.Sent);
        Assert.Single((await app.OperatorClient().GetJsonAsync("/api/v1/jobs?kind=alert.send"))["jobs"]!.AsArray());
    }

    [Fact]
    public async Task Graph_429_is_retried_as_a_job_until_it_is_sent()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        graph.Error(429, 130429, message: "(#130429) Rate limit hit").Error(503, 2, message: "Service temporarily unavailable");

        await PostSignedAsync(app.Client(), Text("hello", "wamid.429"));
        await DeliveredReplyAsync(app, "sent");

        Assert.Equal(3, graph.Sent.Count);
    }

    [Fact]
    public async Task Graph_131026_fails_the_reply_for_good_with_its_code_visible_to_operators_and_an_alert()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        graph.Error(400, 131026, message: "(#131026) Message undeliverable");

        await PostSignedAsync(app.Client(), Text("hello", "wamid.131026"));
        var failed = await DeliveredReplyAsync(app, "failed");

        Assert.Equal(131026, failed["delivery"]!["error_code"]!.GetValue<int>());
        Assert.Single(graph.Sent);
        Assert.NotEmpty((await app.OperatorClient().GetJsonAsync("/api/v1/jobs?kind=alert.send"))["jobs"]!.AsArray());
    }

    [Fact]
    public async Task A_failed_status_webhook_with_its_code_is_recorded_on_the_delivery()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        await PostSignedAsync(app.Client(), Text("hello", "wamid.failstatus"));
        var wamid = (await DeliveredReplyAsync(app, "sent"))["delivery"]!["external_id"]!.GetValue<string>();

        await PostSignedAsync(app.Client(), Status(wamid, "failed", 131049));
        var failed = await DeliveredReplyAsync(app, "failed");

        Assert.Equal(131049, failed["delivery"]!["error_code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Ugly_deliveries_get_200_and_do_nothing_harmful()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;

        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(app.Client(), "{not json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(app.Client(), """{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":"x"}}]}]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(app.Client(), Text("hi", "wamid.unknown-number", phoneNumberId: "999999999"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(app.Client(), Text("hi", "wamid.own", from: DisplayNumber))).StatusCode);
        var longId = "wamid." + new string('A', 10_000);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(app.Client(), Text("a very long id", longId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(app.Client(), Text("a very long id", longId))).StatusCode);

        await DeliveredReplyAsync(app, "sent");
        await Task.Delay(300, Ct);
        Assert.Single(graph.Sent);
    }

    [Fact]
    public async Task A_body_larger_than_the_APIs_64_KiB_is_accepted_on_this_webhook()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        var json = Text(new string('x', 200_000), "wamid.big");

        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(app.Client(), json)).StatusCode);
        var reply = await DeliveredReplyAsync(app, "sent");
        Assert.Contains("too long", reply["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operators_outbound_message_goes_out_on_the_sessions_channel_and_other_sessions_are_refused()
    {
        var (app, graph) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        await PostSignedAsync(app.Client(), Text("hello", "wamid.op"));
        await DeliveredReplyAsync(app, "sent");
        var operatorClient = app.OperatorClient();
        var id = (await SessionIdAsync(operatorClient))!;

        using var accepted = await operatorClient.PostAsync($"/api/v1/sessions/{id}/outbound", Json.Body("""{"text":"Your table is ready 🎉"}"""), Ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await EventuallyAsync(async () => graph.Sent.Count == 2 ? graph.Sent : null, "the operator's message");
        Assert.Equal("Your table is ready 🎉", graph.Sent[1].Body!["text"]!["body"]!.GetValue<string>());

        var apiSession = await operatorClient.NewSessionAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await operatorClient.PostAsync($"/api/v1/sessions/{apiSession}/outbound", Json.Body("""{"text":"hi"}"""), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorClient.PostAsync($"/api/v1/sessions/{id}/outbound", Json.Body("""{"text":42}"""), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorClient.PostAsync($"/api/v1/sessions/{id}/outbound", Json.Body("""{"text":"  "}"""), Ct)).StatusCode);
        var other = await app.AddTenantAsync("other-tenant");
        Assert.Equal(HttpStatusCode.NotFound, (await app.OperatorClient(other.Id).PostAsync($"/api/v1/sessions/{id}/outbound", Json.Body("""{"text":"hi"}"""), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(Concierge.Tenants.Role.Customer).PostAsync($"/api/v1/sessions/{id}/outbound", Json.Body("""{"text":"hi"}"""), Ct)).StatusCode);
    }

    private const string BookingAgent = "hibachi";
    private const string Customer = "I'm Ana Rojas, +1 212 555 0143";

    private static JsonObject Interactive(string type, string id, string title) => new()
    {
        ["type"] = "interactive",
        ["interactive"] = new JsonObject { ["type"] = type, [type] = new JsonObject { ["id"] = id, ["title"] = title } },
    };

    [Fact]
    public async Task A_booking_confirmation_goes_as_yes_and_no_buttons_and_tapping_yes_books()
    {
        var (app, graph) = await StartAsync(new() { ["WHATSAPP_AGENT"] = BookingAgent });
        await using var _ = app;
        await using var __ = graph;

        await PostSignedAsync(app.Client(), Text($"Hibachi at home for 6 tomorrow at 7pm, {Customer}", "wamid.book1"));
        var question = (await EventuallyAsync(async () => graph.Sent.Count >= 1 ? graph.Sent : null, "the confirmation question"))[0].Body!;
        var buttons = question["interactive"]!["action"]!["buttons"]!.AsArray().Select(b => b!["reply"]!).ToList();
        await PostSignedAsync(app.Client(), Message(Interactive("button_reply", (string)buttons[0]!["id"]!, (string)buttons[0]!["title"]!), "wamid.book2"));
        var answer = (await EventuallyAsync(async () => graph.Sent.Count >= 2 ? graph.Sent : null, "the booking's reply"))[1].Body!;

        Assert.Equal("interactive", (string?)question["type"]);
        Assert.Equal("button", (string?)question["interactive"]!["type"]);
        Assert.StartsWith("Shall I book Hibachi at home for 6 people", (string?)question["interactive"]!["body"]!["text"], StringComparison.Ordinal);
        Assert.Equal(["yes", "no"], buttons.Select(b => (string)b!["id"]!));
        Assert.Equal(["Yes", "No"], buttons.Select(b => (string)b!["title"]!));
        Assert.Equal("text", (string?)answer["type"]);
        Assert.Contains("confirmed", (string?)answer["text"]!["body"], StringComparison.Ordinal);
        var bookings = (await app.OperatorClient().GetJsonAsync("/api/v1/bookings"))["bookings"]!.AsArray();
        Assert.Equal(6, (int)Assert.Single(bookings)!["party_size"]!);
    }

    [Fact]
    public async Task The_free_slots_of_the_day_go_as_a_list_and_a_tapped_row_is_asked_to_confirm()
    {
        var (app, graph) = await StartAsync(new() { ["WHATSAPP_AGENT"] = BookingAgent });
        await using var _ = app;
        await using var __ = graph;

        await PostSignedAsync(app.Client(), Text($"Hibachi at home for 6 tomorrow, {Customer}", "wamid.slots1"));
        var question = (await EventuallyAsync(async () => graph.Sent.Count >= 1 ? graph.Sent : null, "the time question"))[0].Body!;
        var rows = question["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray();
        var picked = rows[2]!;
        await PostSignedAsync(app.Client(), Message(Interactive("list_reply", (string)picked["id"]!, (string)picked["title"]!), "wamid.slots2"));
        var confirm = (await EventuallyAsync(async () => graph.Sent.Count >= 2 ? graph.Sent : null, "the confirmation question"))[1].Body!;

        Assert.Equal("list", (string?)question["interactive"]!["type"]);
        Assert.InRange(rows.Count, 4, 10);
        Assert.All(rows, r => Assert.EndsWith((string)r!["title"]!, (string)r["id"]!, StringComparison.Ordinal));
        Assert.Equal("button", (string?)confirm["interactive"]!["type"]);
        Assert.Contains((string)picked["title"]!, (string?)confirm["interactive"]!["body"]!["text"], StringComparison.Ordinal);
        var messages = await MessagesAsync(app.OperatorClient(), (await SessionIdAsync(app.OperatorClient()))!);
        Assert.Equal((string)picked["id"]!, (string?)messages[2]!["content"]);
    }

    [Fact]
    public void Choices_become_buttons_up_to_three_a_list_up_to_ten_and_numbered_lines_beyond()
    {
        ReplyChoice[] categories = [new("MARKETING", "Marketing"), new("UTILITY", "Utility"), new("AUTHENTICATION", "Authentication")];
        var (kind, buttons) = Concierge.Server.Channels.ChannelSendHandler.WhatsAppPayload(WaId, "Which category?", categories);
        Assert.Equal("interactive", kind);
        Assert.Equal("button", buttons["interactive"]!["type"]!.GetValue<string>());
        var replies = buttons["interactive"]!["action"]!["buttons"]!.AsArray().Select(b => b!["reply"]!).ToList();
        Assert.Equal(["MARKETING", "UTILITY", "AUTHENTICATION"], replies.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal("Authentication", replies[2]!["title"]!.GetValue<string>());

        ReplyChoice[] Slots(int count) => [.. Enumerable.Range(1, count).Select(i => new ReplyChoice($"Thursday, March 5 at {i}:00 PM", $"{i}:00 PM, the chef's table by the window"))];
        var (_, list) = Concierge.Server.Channels.ChannelSendHandler.WhatsAppPayload(WaId, "Which time?", Slots(10));
        Assert.Equal("list", list["interactive"]!["type"]!.GetValue<string>());
        var rows = list["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray();
        Assert.Equal(10, rows.Count);
        Assert.Equal("Thursday, March 5 at 10:00 PM", rows[9]!["id"]!.GetValue<string>());
        Assert.All(rows, r => Assert.Equal(24, r!["title"]!.GetValue<string>().Length));

        var (many, lines) = Concierge.Server.Channels.ChannelSendHandler.WhatsAppPayload(WaId, "Which time?", Slots(11));
        Assert.Equal("text", many);
        Assert.EndsWith("\n11. 11:00 PM, the chef's table by the window", lines["text"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);

        var (plain, text) = Concierge.Server.Channels.ChannelSendHandler.WhatsAppPayload(WaId, "Hello", []);
        Assert.Equal("text", plain);
        Assert.Equal("Hello", text["text"]!["body"]!.GetValue<string>());
        Assert.Equal("+" + WaId, text["to"]!.GetValue<string>());
    }
}
