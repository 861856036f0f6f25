using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Server.Accounts;
using Concierge.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;

namespace Concierge.Server.Tests.OpenAiCompatible;

/// <summary>The official OpenAI .NET SDK, pointed at Concierge, talks to an agent.</summary>
public sealed class ChatCompletionsTests : IAsyncLifetime
{
    private ConciergeApp _app = null!;
    private HttpClient _http = null!;
    private string _key = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var (_, secret) = await _app.Services.GetRequiredService<AccountService>().AddKeyAsync(DemoTenant.TenantId, "openai client", "operator", CancellationToken.None);
        _key = secret;
        _http = _app.WithBearer(secret);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_OpenAI_client_gets_a_chat_completion_from_the_assistant_agent_with_usage()
    {
        var chat = Client("assistant");

        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage("Which database do you use?")], cancellationToken: Ct);

        Assert.Contains("SQLite", completion.Content[0].Text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.True(completion.Usage.OutputTokenCount > 0);
    }

    [Fact]
    public async Task The_OpenAI_client_streams_chunks_whose_text_is_the_committed_reply()
    {
        var chat = Client("assistant");
        var text = new StringBuilder();

        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("What is Concierge?")], cancellationToken: Ct))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        Assert.Contains("self-hosted", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_user_continues_one_session_per_agent()
    {
        var chat = Client("demo");
        var options = new ChatCompletionOptions { EndUserId = "customer-42" };

        await chat.CompleteChatAsync([new UserChatMessage("I need an order shipped template")], options, Ct);
        ChatCompletion second = await chat.CompleteChatAsync([new UserChatMessage("in English, no header, no footer, no buttons")], options, Ct);

        Assert.Contains("order_shipped", second.Content[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_without_a_key_is_refused()
    {
        using var response = await _app.Client().GetAsync("/v1/models", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_model_is_a_404_in_OpenAIs_error_shape()
    {
        var chat = Client("no-such-agent");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct));

        Assert.Equal(404, error.Status);
        var body = JsonNode.Parse(error.GetRawResponse()!.Content.ToString())!;
        Assert.Equal("model_not_found", (string?)body["error"]!["code"]);
    }

    [Fact]
    public async Task The_models_list_names_the_agents_and_a_bad_body_is_a_400_in_OpenAIs_shape()
    {
        var models = await _http.GetJsonAsync("/v1/models");
        using var bad = await _http.PostAsync("/v1/chat/completions", new StringContent("{\"model\":", Encoding.UTF8, "application/json"), Ct);

        Assert.Contains("assistant", models["data"]!.AsArray().Select(m => (string)m!["id"]!));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("invalid_json", (string?)JsonNode.Parse(await bad.Content.ReadAsStringAsync(Ct))!["error"]!["code"]);
    }

    private ChatClient Client(string agent) =>
        new(agent, new ApiKeyCredential(_key), new OpenAIClientOptions
        {
            Endpoint = new Uri(_http.BaseAddress!, "/v1"),
            Transport = new System.ClientModel.Primitives.HttpClientPipelineTransport(_app.Client()),
        });
}
