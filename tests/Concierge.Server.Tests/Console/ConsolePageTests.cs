using System.Text.Json;
using Concierge.Agents;
using Concierge.Server.Tests.Bookings;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Templates;
using Concierge.Templates;
using Concierge.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Concierge.Server.Tests.OperatorsConsole;

/// <summary>
/// The operators' console in headless Chromium against the demo tenant, offline: an operator and
/// an admin sign in and do what the console is for. Every view is checked with axe and photographed;
/// data written as HTML shows as its characters.
/// </summary>
public sealed class ConsolePageTests(BrowserFixture browser, ConsoleServer server) : IClassFixture<BrowserFixture>, IClassFixture<ConsoleServer>
{
    private const string Attack = "<img src=x onerror=alert(1)>";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_signs_in_and_sees_no_settings_users_or_keys()
    {
        var console = new ConsoleTab(await browser.NewPageAsync(), server.Address);
        await using var _ = console.Tab;
        var page = await console.OpenAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(console.Page, "the console's sign-in");
        await Screenshots.SaveAsync(console.Page, "console-sign-in");

        await console.SignInAsync(ConsoleServer.OperatorEmail, ConsoleServer.Password);

        await Expect(console.Heading).ToHaveTextAsync("Conversations");
        var menu = console.Page.GetByRole(AriaRole.Navigation, new() { Name = "Console" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Analytics" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToBeHiddenAsync();
        await console.GoAsync("#/settings", "Settings");
        await Expect(console.Page.Locator("#main")).ToContainTextAsync("Only an admin");
        Assert.Equal(0, await console.Page.GetByText("API keys").CountAsync());
        Assert.Equal(0, await console.Page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).CountAsync());
        Assert.Contains("frame-ancestors 'none'", await page!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        Assert.Empty(console.Tab.ConsoleErrors);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_sign_in_and_says_so()
    {
        var console = new ConsoleTab(await browser.NewPageAsync(), server.Address);
        await using var _ = console.Tab;
        await console.OpenAsync();

        await console.SignInAsync(ConsoleServer.OperatorEmail, "not the password");

        await Expect(console.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is wrong.");
        await Expect(console.Heading).ToHaveTextAsync("Sign in");
        Assert.Null(await console.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('concierge.console.token')"));
    }

    [Fact]
    public async Task Signing_out_forgets_the_token_and_a_rejected_token_returns_to_sign_in()
    {
        var console = await ConsoleTab.SignInAsync(browser, server.Address, ConsoleServer.OperatorEmail);
        await using var _ = console.Tab;
        Assert.False(string.IsNullOrEmpty(await console.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('concierge.console.token')")));
        Assert.Empty(await console.Tab.Context.CookiesAsync());

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(console.Heading).ToHaveTextAsync("Sign in");
        Assert.Null(await console.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('concierge.console.token')"));

        // A token the server no longer accepts (here: not signed by it) sends the page back to sign-in.
        await console.SignInAsync(ConsoleServer.OperatorEmail, ConsoleServer.Password);
        await Expect(console.Heading).ToHaveTextAsync("Conversations");
        await console.Page.EvaluateAsync("() => { const t = sessionStorage.getItem('concierge.console.token'); sessionStorage.setItem('concierge.console.token', t.slice(0, -4) + 'AAAA'); }");
        await console.MenuAsync("Templates", "Sign in");
    }

    [Fact]
    public async Task A_conversation_is_found_by_its_words_and_shows_its_transcript_and_debug_view()
    {
        var client = server.App.OperatorClient();
        var word = $"zebra{Guid.NewGuid():N}"[..14];
        var session = await client.NewChatSessionAsync();
        await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = $"What is Concierge? {word} {Attack}" });
        await client.PostJsonAsync($"/api/v1/sessions/{await client.NewChatSessionAsync()}/messages", new { message = "Which database do you use?" });
        var console = await ConsoleTab.SignInAsync(browser, server.Address, ConsoleServer.OperatorEmail);
        await using var _ = console.Tab;

        await console.Page.GetByLabel("Search messages").FillAsync(word);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        var rows = console.Page.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousViolationsAsync(console.Page, "the console's conversations");
        await Screenshots.SaveAsync(console.Page, "console-conversations");
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();

        await Expect(console.Heading).ToHaveTextAsync("Conversation");
        var transcript = console.Page.GetByRole(AriaRole.List, new() { Name = "Transcript" });
        await Expect(transcript.Locator("li")).ToHaveCountAsync(2);
        await Expect(transcript.Locator("li.user .content")).ToHaveTextAsync($"What is Concierge? {word} {Attack}");
        await Expect(transcript.Locator("li.assistant .content")).ToContainTextAsync("self-hosted");
        var turn = (await client.GetJsonAsync($"/api/v1/sessions/{session}/messages"))["messages"]![1]!["turn"]!;
        await Expect(transcript.Locator("li.assistant .turn")).ToHaveTextAsync($"{turn["action"]} · {turn["source"]} · {turn["duration_ms"]} ms");
        Assert.Equal(0, await console.Page.Locator("#main img").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(console.Page, "the console's transcript");
        await Screenshots.SaveAsync(console.Page, "console-transcript");

        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Open the debug view" }).ClickAsync();
        await Expect(console.Heading).ToHaveTextAsync("Debug view");
        await Expect(console.Page.GetByRole(AriaRole.Region, new() { Name = "Session" })).ToContainTextAsync(session);
        await Expect(console.Page.GetByRole(AriaRole.Region, new() { Name = "Model calls" })).ToBeVisibleAsync();
        var jobs = (await client.GetJsonAsync($"/api/v1/sessions/{session}/debug"))["jobs"]!.AsArray();
        var jobsShown = console.Page.GetByRole(AriaRole.Region, new() { Name = "Jobs" });
        if (jobs.Count == 0)
        {
            await Expect(jobsShown).ToContainTextAsync("No job.");
        }
        else
        {
            await Expect(jobsShown.Locator("tbody tr")).ToHaveCountAsync(jobs.Count);
            await Expect(jobsShown.Locator("tbody")).ToContainTextAsync((string)jobs[0]!["kind"]!);
        }

        await Expect(console.Page.GetByRole(AriaRole.Region, new() { Name = "Memory" }).Locator("pre")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(console.Page, "the console's debug view");
        await Screenshots.SaveAsync(console.Page, "console-debug");
        await Task.Delay(200, Ct);
        Assert.Empty(console.Tab.Dialogs);
        Assert.Empty(console.Tab.ConsoleErrors);
    }

    [Fact]
    public async Task The_crisis_filter_lists_only_the_conversations_with_a_crisis()
    {
        var client = server.App.OperatorClient();
        var crisis = (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = DemoTenant.Wellbeing.Key }))["id"]!;
        await client.PostJsonAsync($"/api/v1/sessions/{crisis}/messages", new { message = "voy a quitarme la vida esta noche" });
        await client.PostJsonAsync($"/api/v1/sessions/{await client.NewChatSessionAsync()}/messages", new { message = "What is Concierge?" });
        var console = await ConsoleTab.SignInAsync(browser, server.Address, ConsoleServer.OperatorEmail);
        await using var _ = console.Tab;

        await console.Page.GetByLabel("Crisis", new() { Exact = true }).SelectOptionAsync("true");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();

        await Expect(console.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("crisis=true"));
        var expected = (await client.GetJsonAsync("/api/v1/sessions?crisis=true"))["sessions"]!.AsArray().Count;
        await Expect(console.Page.Locator("table tbody tr")).ToHaveCountAsync(expected);
        await Expect(console.Page.Locator("table tbody")).ToContainTextAsync(DemoTenant.Wellbeing.Name);
        await Expect(console.Page.Locator("table tbody")).Not.ToContainTextAsync(DemoTenant.Assistant.Name);
        await console.Page.Locator("table tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(console.Page.Locator(".transcript li.crisis .badge")).ToContainTextAsync("crisis");
    }

    [Fact]
    public async Task The_analytics_draw_the_cost_per_day_against_the_budget_with_Chart_js()
    {
        using var budget = await server.App.AdminClient().PatchAsync($"/api/v1/agents/{DemoTenant.Assistant.Key}", Json.Body("""{"daily_budget_usd": 2.5}"""), Ct);
        Assert.True(budget.IsSuccessStatusCode, await budget.Content.ReadAsStringAsync(Ct));
        var client = server.App.OperatorClient();
        await client.PostJsonAsync($"/api/v1/sessions/{await client.NewChatSessionAsync()}/messages", new { message = "What is Concierge?" });
        var console = await ConsoleTab.SignInAsync(browser, server.Address, ConsoleServer.OperatorEmail);
        await using var _ = console.Tab;

        await console.MenuAsync("Analytics", "Analytics");

        var cost = console.Page.Locator("canvas[data-chart=cost]");
        await Expect(cost).ToBeVisibleAsync();
        var chart = await cost.EvaluateAsync<JsonElement>(
            "canvas => { const c = Chart.getChart(canvas); return { type: c.config.type, labels: c.data.labels, sets: c.data.datasets.map(d => ({ label: d.label, data: d.data })), width: canvas.width }; }");
        Assert.Equal("bar", chart.GetProperty("type").GetString());
        Assert.Equal(7, chart.GetProperty("labels").GetArrayLength());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), chart.GetProperty("labels")[6].GetString());
        var sets = chart.GetProperty("sets");
        Assert.Equal("Cost (USD)", sets[0].GetProperty("label").GetString());
        Assert.Equal(7, sets[0].GetProperty("data").GetArrayLength());
        Assert.Equal("Daily budget (USD)", sets[1].GetProperty("label").GetString());
        Assert.All(sets[1].GetProperty("data").EnumerateArray(), v => Assert.Equal(2.5, v.GetDouble()));
        Assert.True(chart.GetProperty("width").GetInt32() > 100, "the chart is drawn at its laid-out size");
        var daily = await client.GetJsonAsync("/api/v1/analytics/daily?days=7");
        var turns = await console.Page.Locator("canvas[data-chart=turns]").EvaluateAsync<JsonElement>(
            "canvas => { const c = Chart.getChart(canvas); return { labels: c.data.labels, sets: c.data.datasets.map(d => ({ label: d.label, data: d.data })) }; }");
        Assert.Equal(7, turns.GetProperty("labels").GetArrayLength());
        Assert.Equal(["model", "offline", "fallback", "safety"], turns.GetProperty("sets").EnumerateArray().Select(d => d.GetProperty("label").GetString()).Take(4));
        var today = turns.GetProperty("sets").EnumerateArray().Sum(d => d.GetProperty("data")[6].GetInt64());
        Assert.Equal((long)daily["days"]![6]!["turns"]!, today);
        Assert.True(today >= 1, "today's turn is counted");
        var safety = await console.Page.Locator("canvas[data-chart=safety]").EvaluateAsync<string[]>("canvas => Chart.getChart(canvas).data.datasets.map(d => d.label)");
        Assert.Equal(["Crisis detections", "Rate-limit rejections"], safety);
        await Expect(console.Page.Locator("canvas[data-chart=funnel]")).ToBeVisibleAsync();
        Assert.Empty(console.Tab.ConsoleErrors);
        await Accessibility.AssertNoSeriousViolationsAsync(console.Page, "the console's analytics");
        await Screenshots.SaveAsync(console.Page, "console-analytics");
    }

    [Fact]
    public async Task Templates_show_their_WhatsApp_preview_and_status_and_a_name_written_as_html_as_text()
    {
        var payload = TemplateSamples.Payload("order_shipped");
        payload["components"]![0]!["text"] = $"Hi {{{{1}}}}, {Attack} your order {{{{2}}}} has shipped.";
        var template = await server.App.Services.GetRequiredService<ITemplateStore>().SaveFinalAsync(DemoTenant.TenantId, null, payload, Ct);
        var console = await ConsoleTab.SignInAsync(browser, server.Address, ConsoleServer.OperatorEmail);
        await using var _ = console.Tab;

        await console.MenuAsync("Templates", "Templates");

        var card = console.Page.Locator("li.template").Filter(new() { HasText = Attack });
        await Expect(card.Locator(".wa-body")).ToHaveTextAsync($"Hi Ana, {Attack} your order A-1001 has shipped.");
        await Expect(card.Locator(".wa-button")).ToHaveTextAsync("Track order");
        await Expect(card.Locator(".badge")).ToHaveTextAsync(template.Status.ToWire());
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Submit to Meta: order_shipped" })).ToBeVisibleAsync();
        Assert.Equal(0, await console.Page.Locator("#main img").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(console.Page, "the console's templates");
        await Screenshots.SaveAsync(console.Page, "console-templates");
        Assert.Empty(console.Tab.Dialogs);
    }

    [Fact]
    public async Task A_booking_is_opened_from_the_days_calendar_and_cancelled()
    {
        var client = server.App.AdminClient();
        await BookingSetup.ServiceAsync(client, key: "console-dinner", capacity: 10);
        using var created = await client.PostAsync("/api/v1/bookings", BookingSetup.Booking($"{BookingSetup.Tomorrow}T19:00", party: 4, service: "console-dinner"), Ct);
        var booking = await created.ReadObjectAsync();
        Assert.True(created.IsSuccessStatusCode, booking.ToJsonString());
        var console = await ConsoleTab.SignInAsync(browser, server.Address, ConsoleServer.OperatorEmail);
        await using var _ = console.Tab;

        await console.GoAsync($"#/bookings?date={BookingSetup.Tomorrow}", "Bookings");
        var slots = console.Page.GetByRole(AriaRole.Table, new() { Name = $"Slots of Dinner on {BookingSetup.Tomorrow} (UTC)" });
        await Expect(slots.Locator("tr").Filter(new() { HasText = "19:00" }).Locator("td")).ToContainTextAsync(["19:00", "10", "4", "6"]);
        await Accessibility.AssertNoSeriousViolationsAsync(console.Page, "the console's bookings");
        await Screenshots.SaveAsync(console.Page, "console-bookings");

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Details of Ana Rojas's booking at 19:00" }).ClickAsync();
        var detail = console.Page.GetByRole(AriaRole.Region, new() { Name = "Booking", Exact = true });
        await Expect(detail).ToContainTextAsync("+12125550143");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Cancel this booking" }).ClickAsync();
        await detail.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();

        await Expect(console.Page.GetByRole(AriaRole.Table, new() { Name = $"Bookings on {BookingSetup.Tomorrow}" }).Locator("tr").Filter(new() { HasText = "Ana Rojas" }).Locator(".badge")).ToHaveTextAsync("cancelled");
        Assert.Equal("cancelled", (string?)(await client.GetJsonAsync($"/api/v1/bookings/{booking["id"]}"))["status"]);
        Assert.Empty(console.Tab.ConsoleErrors);
    }

    [Fact]
    public async Task An_uploaded_document_is_indexed_and_its_chunks_are_found_by_the_search_box()
    {
        var console = await ConsoleTab.SignInAsync(browser, server.Address, ConsoleServer.OperatorEmail);
        await using var _ = console.Tab;
        await console.MenuAsync("Knowledge", "Knowledge");

        // Plain text keeps its first line as the title as written (Markdown and HTML lose their tags).
        var text = $"Opening hours {Attack}\n\nThe Lisbon bakery opens at seven every morning and bakes pastéis de nata until noon.\n";
        await console.Page.GetByLabel("Document", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "hours.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(text) });
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        var row = console.Page.Locator("table tbody tr").Filter(new() { HasText = "hours.txt" });
        await Expect(row.Locator(".badge")).ToHaveTextAsync("ready");
        await Expect(row.Locator("td").First).ToHaveTextAsync($"Opening hours {Attack}");
        await console.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search", Exact = true }).FillAsync("pastéis nata");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var hits = console.Page.GetByRole(AriaRole.List, new() { Name = "Ranked chunks" }).Locator("li");
        await Expect(hits.First.Locator(".hit-title")).ToHaveTextAsync($"Opening hours {Attack}");
        await Expect(hits.First.Locator(".hit-snippet")).ToContainTextAsync("nata");
        Assert.Equal(0, await console.Page.Locator("#main img").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(console.Page, "the console's knowledge");
        await Screenshots.SaveAsync(console.Page, "console-knowledge");
        Assert.Empty(console.Tab.Dialogs);
        Assert.Empty(console.Tab.ConsoleErrors);
    }

    [Fact]
    public async Task An_admin_sees_the_APIs_problem_next_to_the_agent_field_and_a_new_keys_secret_once()
    {
        var console = await ConsoleTab.SignInAsync(browser, server.Address, ConsoleServer.AdminEmail);
        await using var _ = console.Tab;
        await console.MenuAsync("Settings", "Settings");

        var agent = console.Page.GetByRole(AriaRole.Form, new() { Name = $"Agent {DemoTenant.Support.Name}" });
        await agent.GetByLabel("Temperature").FillAsync("7");
        await agent.GetByRole(AriaRole.Button, new() { Name = $"Save {DemoTenant.Support.Name}" }).ClickAsync();
        await Expect(agent.Locator(".problem[data-field=temperature]")).ToContainTextAsync("temperature");
        await agent.GetByLabel("Temperature").FillAsync("0.3");
        await agent.GetByRole(AriaRole.Button, new() { Name = $"Save {DemoTenant.Support.Name}" }).ClickAsync();
        await Expect(agent.Locator(".saved")).ToHaveTextAsync("Saved temperature.");
        Assert.Equal(0.3, (double)(await server.App.AdminClient().GetJsonAsync($"/api/v1/agents/{DemoTenant.Support.Key}"))["temperature"]!);

        var keys = console.Page.GetByRole(AriaRole.Region, new() { Name = "API keys" });
        await keys.GetByLabel("Name").FillAsync(Attack);
        await keys.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secret = await keys.Locator(".new-key .secret").TextContentAsync();
        Assert.False(string.IsNullOrWhiteSpace(secret));
        using (var withKey = server.App.WithBearer(secret!))
        {
            Assert.True((await withKey.GetAsync("/api/v1/sessions", Ct)).IsSuccessStatusCode);
        }

        var row = keys.Locator("tbody tr").Filter(new() { HasText = Attack });
        await Expect(row).ToHaveCountAsync(1);
        Assert.DoesNotContain(secret!, await keys.Locator("table").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(console.Page, "the console's settings");
        await Screenshots.SaveAsync(console.Page, "console-settings");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {Attack}" }).ClickAsync();
        await Expect(keys.Locator("tbody tr").Filter(new() { HasText = Attack })).ToContainTextAsync("revoked");
        Assert.Equal(0, await console.Page.Locator("#main img").CountAsync());
        Assert.Empty(console.Tab.Dialogs);
    }

    [Fact]
    public async Task On_a_phone_390_pixels_wide_the_console_fits_without_scrolling_sideways()
    {
        var phone = BrowserFixture.Phone();
        phone.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
        var console = await ConsoleTab.SignInAsync(browser, server.Address, ConsoleServer.AdminEmail, phone);
        await using var _ = console.Tab;

        Assert.False(await console.ScrollsSidewaysAsync(), "conversations");
        await console.MenuAsync("Analytics", "Analytics");
        Assert.False(await console.ScrollsSidewaysAsync(), "analytics");
        await console.MenuAsync("Settings", "Settings");
        Assert.False(await console.ScrollsSidewaysAsync(), "settings");
        await Screenshots.SaveAsync(console.Page, "console-phone-settings");
        await Accessibility.AssertNoSeriousViolationsAsync(console.Page, "the console's settings on a phone");
    }

    [Fact]
    public async Task The_menu_works_with_the_keyboard_alone_and_shows_where_the_focus_is()
    {
        var console = new ConsoleTab(await browser.NewPageAsync(), server.Address);
        await using var _ = console.Tab;
        await console.OpenAsync();

        Assert.Equal("INPUT", await console.Page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        await console.Page.Keyboard.TypeAsync(ConsoleServer.OperatorEmail);
        await console.Page.Keyboard.PressAsync("Tab");
        await console.Page.Keyboard.TypeAsync(ConsoleServer.Password);
        await console.Page.Keyboard.PressAsync("Enter");
        await Expect(console.Heading).ToHaveTextAsync("Conversations");

        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Knowledge" }).FocusAsync();
        Assert.NotEqual("none", await console.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await console.Page.Keyboard.PressAsync("Enter");
        await Expect(console.Heading).ToHaveTextAsync("Knowledge");
        Assert.Equal("H1", await console.Page.EvaluateAsync<string>("() => document.activeElement.tagName"));
    }
}
