using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Models;
using Concierge.Testing.FakeOpenAi;
using Microsoft.Extensions.Logging;

namespace Concierge.Tests.Models;

/// <summary>Builds a real <see cref="OpenAiCompatibleModel"/> against a fake server, with fast test timings.</summary>
internal static class ModelTestKit
{
    public const string ApiKey = "sk-test-7f3a9c2e1b8d4f6a0e5c9b7d";

    /// <summary>Short waits so that the suite stays fast; the circuit stays out of the way unless a test wants it.</summary>
    public static LanguageModelOptions Options(Uri baseUrl, Action<LanguageModelOptions>? configure = null)
    {
        var options = new LanguageModelOptions
        {
            ApiKey = ApiKey,
            BaseUrl = baseUrl,
            RequestTimeout = TimeSpan.FromSeconds(5),
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
            TotalTimeout = TimeSpan.FromSeconds(30),
            CircuitMinimumThroughput = 1000,
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A tool with a one-property schema whose handler is given by the test.</summary>
    public static ModelTool Tool(string name, Func<JsonObject, CancellationToken, Task<string>> handler) => new(
        name,
        $"The {name} tool.",
        new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["day"] = new JsonObject { ["type"] = "string" } },
        },
        handler);

    public static ModelRequest AskWithTools(string question, ToolLoopLimits? limits, params ModelTool[] tools) =>
        Ask(question) with { Tools = tools, ToolLimits = limits };

    /// <summary>Every update of a stream, in order.</summary>
    public static async Task<List<ModelStreamUpdate>> CollectAsync(IAsyncEnumerable<ModelStreamUpdate> stream, CancellationToken cancellationToken)
    {
        var updates = new List<ModelStreamUpdate>();
        await foreach (var update in stream.WithCancellation(cancellationToken))
        {
            updates.Add(update);
        }

        return updates;
    }

    public static ModelRequest Ask(string question, double? temperature = null, ResponseSchema? schema = null) => new(
        [new ModelMessage(MessageRole.System, "You are a helpful concierge."), new ModelMessage(MessageRole.User, question)],
        temperature,
        schema);
}

/// <summary>A logger that keeps every formatted line, to prove that no secret is ever written.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>A fake server, a model pointed at it and the model's log lines, disposed together.</summary>
internal sealed class ModelUnderTest : IAsyncDisposable
{
    private readonly HttpClient _httpClient = new();

    private ModelUnderTest(FakeOpenAiServer server)
    {
        Server = server;
    }

    public FakeOpenAiServer Server { get; }

    public CapturingLogger<OpenAiCompatibleModel> Logger { get; } = new();

    public static async Task<ModelUnderTest> StartAsync(string basePath = "/v1") =>
        new(await FakeOpenAiServer.StartAsync(basePath, TestContext.Current.CancellationToken));

    public OpenAiCompatibleModel Model(Action<LanguageModelOptions>? configure = null) =>
        new(ModelTestKit.Options(Server.BaseUrl, configure), _httpClient, TimeProvider.System, Logger);

    public async ValueTask DisposeAsync()
    {
        _httpClient.Dispose();
        await Server.DisposeAsync();
    }
}
