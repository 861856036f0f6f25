using Concierge.Testing.Browser;
using Microsoft.Playwright;

namespace Concierge.Server.Tests.WebChat;

/// <summary>The chat page in a test's browser tab: open it for an agent key, send as a person would, read the replies.</summary>
public sealed class ChatTab(BrowserPage tab, Uri server)
{
    public BrowserPage Tab { get; } = tab;

    public IPage Page => Tab.Page;

    /// <summary>The finished replies (a streaming one carries the class "streaming" until its done event).</summary>
    public ILocator Replies => Page.Locator("#log .message.assistant:not(.streaming)");

    public ILocator UserMessages => Page.Locator("#log .message.user");

    public static async Task<ChatTab> OpenAsync(BrowserFixture browser, Uri server, string agentKey, BrowserNewContextOptions? options = null)
    {
        var chat = new ChatTab(await browser.NewPageAsync(options), server);
        await chat.GotoAsync(agentKey);
        return chat;
    }

    public async Task GotoAsync(string agentKey, bool embed = false)
    {
        await Page.GotoAsync(new Uri(server, $"/?agent_key={Uri.EscapeDataString(agentKey)}{(embed ? "&embed=1" : string.Empty)}").ToString());
        await Page.Locator("#message").WaitForAsync();
    }

    /// <summary>Types the message into the box and presses Enter; waits until the reply to it is finished.</summary>
    public async Task<ILocator> SendAsync(string text)
    {
        var before = await Replies.CountAsync();
        await Page.Locator("#message").FillAsync(text);
        await Page.Locator("#message").PressAsync("Enter");
        var reply = Replies.Nth(before);
        await reply.WaitForAsync();
        return reply;
    }

    /// <summary>The page is wider than the screen (a horizontal scroll bar).</summary>
    public Task<bool> ScrollsSidewaysAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
}
