using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Concierge.Server.Tests.OperatorsConsole;

/// <summary>The debug view of a conversation whose reply came from a (fake) model: the call with its tokens, cost, latency and payloads.</summary>
public sealed class ConsoleModelCallTests(BrowserFixture browser, ModelConsoleServer server) : IClassFixture<BrowserFixture>, IClassFixture<ModelConsoleServer>
{
    [Fact]
    public async Task The_debug_view_shows_each_model_call_with_its_tokens_cost_latency_and_payloads()
    {
        server.Model.Reply("Concierge keeps every conversation <b>and</b> every model call.", promptTokens: 321, completionTokens: 45);
        var client = server.App.OperatorClient();
        var session = await client.NewChatSessionAsync();
        await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "What do you keep?" });
        var logged = (await client.GetJsonAsync($"/api/v1/sessions/{session}/debug"))["llm_logs"]!.AsArray();
        var response = logged.Single(l => (string?)l!["direction"] == "response")!;
        var console = await ConsoleTab.SignInAsync(browser, server.Address, ConsoleServer.OperatorEmail);
        await using var _ = console.Tab;

        await console.GoAsync($"#/conversations/{session}/debug", "Debug view");

        var calls = console.Page.GetByRole(AriaRole.Region, new() { Name = "Model calls" });
        var cells = calls.Locator("tbody tr").Locator("td");
        await Expect(calls.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(cells).ToContainTextAsync([(string)response["model"]!, (string)response["outcome"]!, ((long)response["latency_ms"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), "321", "45"]);
        await Expect(cells.Nth(7)).ToHaveTextAsync(((decimal)response["cost"]!).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture));
        await calls.Locator("summary").ClickAsync();
        var payloads = calls.Locator("details pre");
        await Expect(payloads.First).ToContainTextAsync("What do you keep?");
        await Expect(payloads.Nth(1)).ToContainTextAsync("<b>and</b>");
        Assert.Equal(0, await console.Page.Locator("#main b").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(console.Page, "the console's debug view with a model call");
        await Screenshots.SaveAsync(console.Page, "console-debug-model-call");
        Assert.Empty(console.Tab.ConsoleErrors);
    }
}
