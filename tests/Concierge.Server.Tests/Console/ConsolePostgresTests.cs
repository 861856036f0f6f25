using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Concierge.Server.Tests.OperatorsConsole;

/// <summary>The console against PostgreSQL: the same pages over the other database's queries (search, filters, debug, users).</summary>
public sealed class ConsolePostgresTests(BrowserFixture browser, PostgresConsoleServer server) : IClassFixture<BrowserFixture>, IClassFixture<PostgresConsoleServer>
{
    [Fact]
    public async Task On_PostgreSQL_an_admin_finds_a_conversation_opens_its_debug_view_and_lists_the_users()
    {
        var client = server.App.OperatorClient();
        var word = $"quokka{Guid.NewGuid():N}"[..15];
        var session = await client.NewChatSessionAsync();
        await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = $"What is Concierge? {word}" });
        var console = await ConsoleTab.SignInAsync(browser, server.Address, ConsoleServer.AdminEmail);
        await using var _ = console.Tab;

        await console.GoAsync($"#/conversations?q={word}&channel=api&from={DateTime.UtcNow:yyyy-MM-dd}", "Conversations");
        var rows = console.Page.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(console.Page.Locator(".transcript li.user .content")).ToContainTextAsync(word);
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Open the debug view" }).ClickAsync();
        await Expect(console.Page.GetByRole(AriaRole.Region, new() { Name = "Session" })).ToContainTextAsync(session);

        await console.MenuAsync("Settings", "Settings");
        await Expect(console.Page.GetByRole(AriaRole.Table, new() { Name = "Users of the tenant" })).ToContainTextAsync(ConsoleServer.OperatorEmail);
        await Accessibility.AssertNoSeriousViolationsAsync(console.Page, "the console's settings on PostgreSQL");
        await Screenshots.SaveAsync(console.Page, "console-postgres-settings");
        Assert.Empty(console.Tab.ConsoleErrors);
    }
}
