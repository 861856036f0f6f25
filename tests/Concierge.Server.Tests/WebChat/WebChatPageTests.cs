using Concierge.Agents;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing;
using Concierge.Testing.Browser;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Concierge.Server.Tests.WebChat;

/// <summary>One Concierge (SQLite, offline skills) on a real port for a class of browser tests.</summary>
public sealed class WebChatServer : IAsyncLifetime
{
    public ConciergeApp App { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        Address = App.StartListening();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The web chat in headless Chromium against the demo agents, offline: what a person sees for
/// each kind of answer, on a desktop and a phone, with the keyboard alone, and through the widget
/// on another site. Every page is checked with axe and photographed.
/// </summary>
public sealed class WebChatPageTests(BrowserFixture browser, WebChatServer server) : IClassFixture<BrowserFixture>, IClassFixture<WebChatServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_using_only_the_keyboard_sends_with_Enter_and_reads_the_reply()
    {
        var chat = await ChatTab.OpenAsync(browser, server.Address, DemoTenant.AssistantPublicKey);
        await using var _ = chat.Tab;

        // From the top of the page: the "New conversation" button, then the message box.
        await chat.Page.Keyboard.PressAsync("Tab");
        await chat.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("message", await chat.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await chat.Page.Keyboard.TypeAsync("What is Concierge?");
        await chat.Page.Keyboard.PressAsync("Enter");

        var reply = chat.Replies.First;
        await Expect(reply).ToContainTextAsync("self-hosted conversational AI backend");
        await Expect(chat.UserMessages.First).ToContainTextAsync("What is Concierge?");
        await Expect(chat.Page.Locator("#announcer")).ToContainTextAsync("self-hosted");
        Assert.Equal("message", await chat.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        // The focus ring is visible on the box (an outline, not the browser's default removed).
        Assert.NotEqual("none", await chat.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));

        await Screenshots.SaveAsync(chat.Page, "webchat-assistant-reply");
        await Accessibility.AssertNoSeriousViolationsAsync(chat.Page, "the web chat with a reply");
        Assert.Empty(chat.Tab.ConsoleErrors);
    }

    [Fact]
    public async Task After_a_reload_the_conversation_is_shown_again_and_continues_in_the_same_session()
    {
        var chat = await ChatTab.OpenAsync(browser, server.Address, DemoTenant.AssistantPublicKey);
        await using var _ = chat.Tab;
        await chat.SendAsync("What is Concierge?");

        await chat.Page.ReloadAsync();
        await Expect(chat.Replies).ToHaveCountAsync(1);
        await Expect(chat.UserMessages.First.Locator(".bubble")).ToHaveTextAsync("What is Concierge?");
        await Expect(chat.Replies.First).ToContainTextAsync("self-hosted");
        await chat.SendAsync("Which database do you use?");

        await Expect(chat.Replies.Nth(1)).ToContainTextAsync("SQLite");
        var session = await chat.Page.EvaluateAsync<string>($"() => JSON.parse(localStorage.getItem('concierge.webchat.{DemoTenant.AssistantPublicKey}')).session");
        var history = await server.App.OperatorClient().GetJsonAsync($"/api/v1/sessions/{session}/messages");
        Assert.Equal(4, history["messages"]!.AsArray().Count);
        Assert.Empty(chat.Tab.ConsoleErrors);
    }

    [Fact]
    public async Task The_template_builders_draft_shows_as_a_WhatsApp_preview_with_its_examples_filled_in()
    {
        var chat = await ChatTab.OpenAsync(browser, server.Address, DemoTenant.AgentPublicKey);
        await using var _ = chat.Tab;

        var reply = await chat.SendAsync("Plantilla de utilidad en español para pedido enviado con el nombre del cliente y el número de pedido, botón de seguimiento https://tienda.example.com/rastreo, sin encabezado ni pie de página");

        var preview = reply.Locator(".template-preview");
        await Expect(preview).ToBeVisibleAsync();
        var body = await preview.Locator(".wa-body").TextContentAsync();
        Assert.StartsWith("Hola María", body, StringComparison.Ordinal);
        Assert.Contains("#12345", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", body, StringComparison.Ordinal);
        await Expect(preview.Locator(".wa-button")).ToHaveTextAsync("Seguir pedido");
        await Expect(preview.Locator(".wa-header")).ToHaveCountAsync(0);

        await Screenshots.SaveAsync(chat.Page, "webchat-template-preview");
        await Accessibility.AssertNoSeriousViolationsAsync(chat.Page, "the web chat with a template preview");
    }

    [Fact]
    public async Task A_booking_made_in_the_chat_shows_as_a_card_with_service_time_party_and_name()
    {
        var chat = await ChatTab.OpenAsync(browser, server.Address, DemoTenant.HibachiPublicKey);
        await using var _ = chat.Tab;

        var asked = await chat.SendAsync("Hi! Hibachi at home for 6 people tomorrow at 7pm please. I'm Ana Rojas, +1 212 555 0143");
        await Expect(asked).ToContainTextAsync("Shall I book");
        var booked = await chat.SendAsync("yes");

        var card = booked.Locator(".booking-card");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.Locator("dd")).ToContainTextAsync(["Hibachi", "19:00", "6", "Ana Rojas"]);
        await Expect(chat.Page.GetByRole(AriaRole.Region, new() { Name = "Booking confirmation" })).ToBeVisibleAsync();

        await Screenshots.SaveAsync(chat.Page, "webchat-booking-card");
        await Accessibility.AssertNoSeriousViolationsAsync(chat.Page, "the web chat with a booking card");
    }

    [Fact]
    public async Task A_knowledge_answer_lists_its_sources_with_title_and_snippet()
    {
        var chat = await ChatTab.OpenAsync(browser, server.Address, DemoTenant.SupportPublicKey);
        await using var _ = chat.Tab;

        var reply = await chat.SendAsync("Which files can I upload?");

        await Expect(reply.Locator(".bubble")).ToContainTextAsync("PDF");
        var sources = reply.GetByRole(AriaRole.Region, new() { Name = "Sources" });
        await Expect(sources.Locator(".source-title").First).ToHaveTextAsync("Concierge: answering from documents");
        Assert.False(string.IsNullOrWhiteSpace(await sources.Locator(".source-snippet").First.TextContentAsync()));

        await Screenshots.SaveAsync(chat.Page, "webchat-knowledge-sources");
        await Accessibility.AssertNoSeriousViolationsAsync(chat.Page, "the web chat with sources");
    }

    [Fact]
    public async Task A_crisis_reply_is_visibly_marked_and_named_support_resources()
    {
        var chat = await ChatTab.OpenAsync(browser, server.Address, DemoTenant.WellbeingPublicKey);
        await using var _ = chat.Tab;

        var reply = await chat.SendAsync("voy a quitarme la vida esta noche");

        await Expect(reply).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcrisis\b"));
        var note = chat.Page.GetByRole(AriaRole.Note, new() { Name = "Support resources" });
        await Expect(note).ToContainTextAsync("4141");
        await Expect(reply.Locator(".crisis-badge")).ToBeVisibleAsync();

        await chat.Page.ReloadAsync();
        await Expect(chat.Page.GetByRole(AriaRole.Note, new() { Name = "Support resources" })).ToContainTextAsync("4141");

        await Screenshots.SaveAsync(chat.Page, "webchat-crisis");
        await Accessibility.AssertNoSeriousViolationsAsync(chat.Page, "the web chat with a crisis reply");
    }

    [Fact]
    public async Task A_message_written_as_html_is_shown_as_text_and_runs_nothing()
    {
        var chat = await ChatTab.OpenAsync(browser, server.Address, DemoTenant.AssistantPublicKey);
        await using var _ = chat.Tab;
        const string attack = "<img src=x onerror=alert(1)>";

        await chat.SendAsync(attack);
        await chat.Page.ReloadAsync();
        await Expect(chat.Replies).ToHaveCountAsync(1);

        await Expect(chat.UserMessages.First.Locator(".bubble")).ToHaveTextAsync(attack);
        Assert.Equal(0, await chat.Page.Locator("#log img").CountAsync());
        await Task.Delay(300, Ct);
        Assert.Empty(chat.Tab.Dialogs);
    }

    [Fact]
    public async Task On_a_phone_the_chat_fits_the_screen_without_scrolling_sideways()
    {
        var chat = await ChatTab.OpenAsync(browser, server.Address, DemoTenant.AgentPublicKey, BrowserFixture.Phone());
        await using var _ = chat.Tab;

        await chat.SendAsync("Plantilla de utilidad en español para pedido enviado con el nombre del cliente y el número de pedido, botón de seguimiento https://tienda.example.com/rastreo, sin encabezado ni pie de página");
        await chat.SendAsync("https://example.com/" + new string('a', 200));

        Assert.False(await chat.ScrollsSidewaysAsync());
        var box = await chat.Page.Locator("#send").BoundingBoxAsync();
        Assert.True(box is { } b && b.X + b.Width <= 375, "the send button is on the screen");
        await Screenshots.SaveAsync(chat.Page, "webchat-phone");
        await Accessibility.AssertNoSeriousViolationsAsync(chat.Page, "the web chat on a phone");
    }

    [Fact]
    public async Task The_widget_on_another_sites_page_opens_the_chat_in_a_frame_that_answers()
    {
        var widget = new Uri(server.Address, "/widget.js");
        await using var site = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"<!doctype html><html lang=en><title>A bakery</title><main><h1>Lisbon Bakery</h1><p>Cakes.</p></main>"
                + $"<script src=\"{widget}\" data-agent-key=\"{DemoTenant.AssistantPublicKey}\"></script>",
                context.RequestAborted);
        }, Ct);
        Assert.NotEqual(server.Address.Port, site.Address.Port);
        await using var tab = await browser.NewPageAsync();
        await tab.Page.GotoAsync(site.Address.ToString());

        var launcher = tab.Page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" });
        await launcher.ClickAsync();
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        var frame = tab.Page.FrameLocator("#concierge-chat-frame");
        await frame.Locator("#message").FillAsync("What is Concierge?");
        await frame.Locator("#message").PressAsync("Enter");

        await Expect(frame.Locator("#log .message.assistant:not(.streaming)").First).ToContainTextAsync("self-hosted");
        await Expect(frame.Locator("body.embedded")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(tab.Page, "webchat-widget");
        await Accessibility.AssertNoSeriousViolationsAsync(tab.Page, "a site with the chat widget open");

        await launcher.ClickAsync();
        await Expect(tab.Page.Locator("#concierge-chat-frame")).ToBeHiddenAsync();
        Assert.Empty(tab.ConsoleErrors);
    }
}
