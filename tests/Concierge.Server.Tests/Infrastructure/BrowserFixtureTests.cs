using Concierge.Testing;
using Concierge.Testing.Browser;
using Microsoft.AspNetCore.Http;

namespace Concierge.Server.Tests.Infrastructure;

/// <summary>
/// The shared browser fixture itself: Debian's Chromium opens a page served on loopback, the
/// accessibility check fails on a serious violation (so a passing check means something), dialogs
/// are recorded, screenshots land in the screenshots folder.
/// </summary>
public sealed class BrowserFixtureTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_served_on_loopback_opens_and_its_screenshot_is_written()
    {
        await using var server = await ServeAsync("<!doctype html><html lang=en><title>Fixture</title><main><h1>Hello from loopback</h1></main>");
        await using var tab = await browser.NewPageAsync();

        await tab.Page.GotoAsync(server.Address.ToString());
        Assert.Equal("Hello from loopback", await tab.Page.Locator("h1").TextContentAsync());

        var path = await Screenshots.SaveAsync(tab.Page, "browser-fixture-hello");
        Assert.StartsWith(Screenshots.Folder, path, StringComparison.Ordinal);
        Assert.True(new FileInfo(path).Length > 1000, path);
        await Accessibility.AssertNoSeriousViolationsAsync(tab.Page, "the fixture's page");
    }

    [Fact]
    public async Task The_accessibility_check_fails_on_an_image_without_alternative_text_and_names_it()
    {
        await using var server = await ServeAsync("<!doctype html><html lang=en><title>Fixture</title><main><img src=\"/x.png\"></main>");
        await using var tab = await browser.NewPageAsync();
        await tab.Page.GotoAsync(server.Address.ToString());

        var failure = await Assert.ThrowsAsync<AccessibilityException>(() => Accessibility.AssertNoSeriousViolationsAsync(tab.Page, "a page with a bare image"));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dialog_the_page_opens_is_recorded_and_dismissed()
    {
        await using var server = await ServeAsync("<!doctype html><html lang=en><title>Fixture</title><main><button onclick=\"alert('hi')\">Say</button></main>");
        await using var tab = await browser.NewPageAsync(BrowserFixture.Phone());
        await tab.Page.GotoAsync(server.Address.ToString());

        await tab.Page.ClickAsync("button");

        await WaitUntilAsync(() => !tab.Dialogs.IsEmpty);
        Assert.Equal(["alert: hi"], tab.Dialogs);
        Assert.Equal(375, tab.Page.ViewportSize!.Width);
    }

    [Fact]
    public async Task ConciergeApp_listening_on_a_real_port_is_reachable_from_the_browser()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var address = app.StartListening();
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        await using var tab = await browser.NewPageAsync();

        var response = await tab.Page.GotoAsync(new Uri(address, "/health/live").ToString());

        Assert.Equal(200, response!.Status);
        using var client = app.Client();
        Assert.Equal(address, client.BaseAddress);
    }

    private static Task<LoopbackServer> ServeAsync(string html) =>
        LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(context.Request.Path == "/" ? html : string.Empty, context.RequestAborted);
        }, Ct);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }
    }
}
