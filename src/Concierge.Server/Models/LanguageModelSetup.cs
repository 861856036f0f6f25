using Concierge.Models;

namespace Concierge.Server.Models;

/// <summary>
/// Registers the language model when one is configured. With no API key nothing is registered and
/// every turn goes through the offline interpreter.
/// </summary>
public static class LanguageModelSetup
{
    public const string HttpClientName = "language-model";

    public static IServiceCollection AddLanguageModel(this IServiceCollection services, LanguageModelOptions options)
    {
        services.AddSingleton(options);

        // Token counts for context budgets work with or without a model; the encoding loads on first use.
        services.AddSingleton(_ => TokenCounter.Default);
        if (!options.IsConfigured)
        {
            return services;
        }

        // The SDK applies the per-attempt timeout itself; HttpClient's own must not cut in first.
        // The model holds its client for the process's life, so DNS changes are picked up by the
        // handler's connection lifetime rather than by the factory's handler rotation.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The model layer writes its own redacted log of every call; the factory's logging
            // handlers repeated it and cost a tenth of a model turn's CPU (docs/benchmarks.md).
            .RemoveAllLoggers();
        services.AddSingleton<ILanguageModel>(sp => new OpenAiCompatibleModel(
            options,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OpenAiCompatibleModel>>()));
        return services;
    }

    /// <summary>The model name /health reports: the configured one, or "offline".</summary>
    public static string DescribeModel(this LanguageModelOptions options) => options.IsConfigured ? options.Model : "offline";
}
