using Concierge.Testing.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Concierge.Server.Tests.OperatorsConsole;

/// <summary>The console in a test's browser tab: signed in through its form, moved between views by the menu or the address.</summary>
public sealed class ConsoleTab(BrowserPage tab, Uri server)
{
    public BrowserPage Tab { get; } = tab;

    public IPage Page => Tab.Page;

    /// <summary>The view's heading (each view has one h1).</summary>
    public ILocator Heading => Page.Locator("#main h1");

    public static async Task<ConsoleTab> SignInAsync(BrowserFixture browser, Uri server, string username, BrowserNewContextOptions? options = null)
    {
        var console = new ConsoleTab(await browser.NewPageAsync(options), server);
        await console.OpenAsync();
        await console.SignInAsync(username, ConsoleServer.Password);
        await Expect(console.Heading).ToHaveTextAsync("Conversations");
        return console;
    }

    public async Task<IResponse?> OpenAsync()
    {
        var response = await Page.GotoAsync(new Uri(server, "/console").ToString());
        await Expect(Heading).ToHaveTextAsync("Sign in");
        return response;
    }

    public async Task SignInAsync(string username, string password)
    {
        await Page.GetByLabel("Email").FillAsync(username);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Follows the menu link <paramref name="item"/> and waits for its view.</summary>
    public async Task MenuAsync(string item, string heading)
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync(heading);
    }

    /// <summary>Opens a view by its address (<c>#/bookings?date=…</c>), as a bookmark would.</summary>
    public async Task GoAsync(string hash, string heading)
    {
        await Page.EvaluateAsync("hash => { location.hash = hash; }", hash);
        await Expect(Heading).ToHaveTextAsync(heading);
    }

    public Task<bool> ScrollsSidewaysAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
}
