using System.Net;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.FakeSentry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Observability;

/// <summary>With SENTRY_DSN set, an unhandled error reaches Sentry (a fake ingest on loopback) as an envelope, without the request's secrets.</summary>
public sealed class SentryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unhandled_error_is_a_500_problem_and_arrives_at_sentry_as_an_event_envelope()
    {
        await using var sentry = await FakeSentryServer.StartAsync(Ct);
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?> { ["SENTRY_DSN"] = sentry.Dsn })
        {
            TestServices = services => services.AddTransient<IStartupFilter, ThrowingRoute>(),
        };
        var client = app.OperatorClient();

        using var response = await client.GetAsync("/test/boom?token=should-not-travel", Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var envelope = await WaitForAsync(sentry, e => e.Text.Contains("SentryProbeException", StringComparison.Ordinal));
        Assert.Equal(FakeSentryServer.Project, envelope.Project);
        Assert.Equal(FakeSentryServer.PublicKey, envelope.Key);
        Assert.Contains(envelope.Lines, l => l.Contains("\"type\":\"event\"", StringComparison.Ordinal));
        Assert.Contains("the probe failed on purpose", envelope.Text);
        Assert.DoesNotContain(client.DefaultRequestHeaders.Authorization!.Parameter!, envelope.Text);
    }

    private static async Task<SentryEnvelope> WaitForAsync(FakeSentryServer sentry, Func<SentryEnvelope, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (sentry.Envelopes.FirstOrDefault(match) is { } envelope)
            {
                return envelope;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail($"No such envelope among {sentry.Envelopes.Count}: {string.Join("\n---\n", sentry.Envelopes.Select(e => e.Text[..Math.Min(300, e.Text.Length)]))}");
        return null!;
    }

    private sealed class SentryProbeException(string message) : Exception(message);

    /// <summary>A route that fails with a bug, behind the app's whole pipeline (its exception handler included).</summary>
    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/test/boom"
                ? throw new SentryProbeException("the probe failed on purpose")
                : Task.CompletedTask);
        };
    }
}
