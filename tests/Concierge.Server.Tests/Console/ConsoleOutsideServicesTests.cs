using Concierge.Agents;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Templates;
using Concierge.Templates;
using Concierge.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Concierge.Server.Tests.OperatorsConsole;

/// <summary>
/// The console where the paid outside services answer (fakes, as real HTTP servers): the debug
/// view of a reply that came from a model, and a template submitted to Meta.
/// </summary>
public sealed class ConsoleOutsideServicesTests(BrowserFixture browser, FakesConsoleServer server) : IClassFixture<BrowserFixture>, IClassFixture<FakesConsoleServer>
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

    [Fact]
    public async Task Submit_to_Meta_sends_the_template_and_shows_its_new_status_and_Meta_id()
    {
        var template = await server.App.Services.GetRequiredService<ITemplateStore>().SaveFinalAsync(DemoTenant.TenantId, null, TemplateSamples.Payload("order_delivered"), TestContext.Current.CancellationToken);
        server.Graph.Created("594425479261596", "PENDING", "UTILITY");
        var console = await ConsoleTab.SignInAsync(browser, server.Address, ConsoleServer.OperatorEmail);
        await using var _ = console.Tab;
        await console.MenuAsync("Templates", "Templates");

        var card = console.Page.Locator("li.template").Filter(new() { Has = console.Page.GetByRole(AriaRole.Heading, new() { Name = "order_delivered" }) });
        await card.GetByRole(AriaRole.Button, new() { Name = "Submit to Meta: order_delivered" }).ClickAsync();

        await Expect(card.Locator(".badge")).ToHaveTextAsync("PENDING");
        await Expect(card).ToContainTextAsync("594425479261596");
        await Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var request = Assert.Single(server.Graph.Requests);
        Assert.Equal($"/v21.0/{FakesConsoleServer.WabaId}/message_templates", request.Path);
        Assert.Equal("PENDING", (string?)(await server.App.OperatorClient().GetJsonAsync($"/api/v1/templates/{template.Id}"))["status"]);
        Assert.Empty(console.Tab.ConsoleErrors);
    }
}
