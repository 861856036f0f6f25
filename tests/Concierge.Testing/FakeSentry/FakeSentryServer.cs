using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Concierge.Testing.FakeSentry;

/// <summary>One envelope as Sentry's ingest receives it: the project in the URL, the sentry_key of the auth header, and its lines.</summary>
public sealed record SentryEnvelope(string Project, string? Key, IReadOnlyList<string> Lines)
{
    public string Text => string.Join('\n', Lines);
}

/// <summary>
/// Sentry's envelope endpoint on loopback (<c>POST /api/{project}/envelope/</c>, gzip or plain, the
/// <c>X-Sentry-Auth</c> header), so the real SDK reports to it. <see cref="Dsn"/> is the DSN to configure.
/// </summary>
public sealed class FakeSentryServer : IAsyncDisposable
{
    public const string PublicKey = "0123456789abcdef0123456789abcdef";
    public const string Project = "42";

    private readonly ConcurrentQueue<SentryEnvelope> _envelopes = new();
    private LoopbackServer? _server;

    private FakeSentryServer()
    {
    }

    public string Dsn => $"http://{PublicKey}@{_server!.Address.Authority}/{Project}";

    public IReadOnlyList<SentryEnvelope> Envelopes => _envelopes.ToArray();

    public static async Task<FakeSentryServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var fake = new FakeSentryServer();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync, cancellationToken).ConfigureAwait(false);
        return fake;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        var segments = context.Request.Path.Value?.Trim('/').Split('/') ?? [];
        if (!HttpMethods.IsPost(context.Request.Method) || segments is not ["api", var project, "envelope"])
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Stream body = context.Request.Body;
        if (string.Equals(context.Request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        var auth = context.Request.Headers["X-Sentry-Auth"].ToString();
        var key = auth.Split(',', StringSplitOptions.TrimEntries).Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0].EndsWith("sentry_key", StringComparison.Ordinal)) is { Length: 2 } pair ? pair[1] : null;
        _envelopes.Enqueue(new SentryEnvelope(project, key, text.Split('\n')));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{}").ConfigureAwait(false);
    }
}
