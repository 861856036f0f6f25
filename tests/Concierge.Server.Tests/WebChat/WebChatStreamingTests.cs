using Concierge.Agents;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.Browser;
using Concierge.Testing.FakeOpenAi;
using static Microsoft.Playwright.Assertions;

namespace Concierge.Server.Tests.WebChat;

/// <summary>
/// The web chat against the assistant with a (fake) language model that streams its wording: the
/// reply grows in the page as the deltas arrive, and a reload in the middle of a reply resumes its
/// stream where the page left it.
/// </summary>
public sealed class WebChatStreamingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Answer = "Concierge keeps every conversation, with every model call, for as long as you need it.";
    private FakeOpenAiServer _model = null!;
    private ConciergeApp _app = null!;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeOpenAiServer.StartAsync();
        _app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-test-webchat-0123456789",
            ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
        });
        _address = _app.StartListening();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task The_reply_grows_in_the_page_as_the_model_writes_it()
    {
        var release = new TaskCompletionSource();
        _model.Stream(new FakeStep.Stream(Answer) { HoldAfterFirstChunk = release.Task });
        var chat = await ChatTab.OpenAsync(browser, _address, DemoTenant.AssistantPublicKey);
        await using var _ = chat.Tab;

        await chat.Page.Locator("#message").FillAsync("What do you keep?");
        await chat.Page.Locator("#message").PressAsync("Enter");

        // While the model is held after its first piece, the page already shows that piece, and only it.
        var streaming = chat.Page.Locator("#log .message.assistant.streaming .bubble");
        await Expect(streaming).Not.ToBeEmptyAsync();
        var first = await streaming.TextContentAsync();
        Assert.NotEqual(Answer, first);
        Assert.StartsWith(first!, Answer, StringComparison.Ordinal);
        await Screenshots.SaveAsync(chat.Page, "webchat-streaming");

        release.SetResult();
        await Expect(chat.Replies.First.Locator(".bubble")).ToHaveTextAsync(Answer);
        Assert.Empty(chat.Tab.ConsoleErrors);
    }

    [Fact]
    public async Task A_reload_in_the_middle_of_a_reply_shows_the_history_and_resumes_the_stream()
    {
        var release = new TaskCompletionSource();
        _model.Stream(new FakeStep.Stream(Answer) { HoldAfterFirstChunk = release.Task });
        var chat = await ChatTab.OpenAsync(browser, _address, DemoTenant.AssistantPublicKey);
        await using var _ = chat.Tab;
        await chat.Page.Locator("#message").FillAsync("What do you keep?");
        await chat.Page.Locator("#message").PressAsync("Enter");
        await Expect(chat.Page.Locator("#log .message.assistant.streaming .bubble")).Not.ToBeEmptyAsync();
        var stored = await chat.Page.EvaluateAsync<string>($"() => localStorage.getItem('concierge.webchat.{DemoTenant.AssistantPublicKey}')");
        Assert.Contains("lastEventId", stored, StringComparison.Ordinal);

        await chat.Page.ReloadAsync();
        await Expect(chat.UserMessages.First.Locator(".bubble")).ToHaveTextAsync("What do you keep?");
        var resumed = chat.Page.Locator("#log .message.assistant.streaming .bubble");
        await Expect(resumed).Not.ToBeEmptyAsync();
        release.SetResult();

        await Expect(chat.Replies.First.Locator(".bubble")).ToHaveTextAsync(Answer);
        await Expect(chat.Replies).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousViolationsAsync(chat.Page, "the web chat after a resumed reply");
        Assert.Empty(chat.Tab.ConsoleErrors);
    }
}
