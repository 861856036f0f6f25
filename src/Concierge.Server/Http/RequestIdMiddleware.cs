using System.Buffers;

namespace Concierge.Server.Http;

/// <summary>
/// Gives every request an id: the caller's X-Request-Id when it is a sane token, a new one otherwise.
/// It becomes the TraceIdentifier (so problem documents carry it), the response's X-Request-Id, and
/// a scope on every log line written while the request runs.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string Header = "X-Request-Id";
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    public async Task InvokeAsync(HttpContext context)
    {
        var offered = context.Request.Headers[Header].ToString();
        var id = offered.Length is > 0 and <= 64 && !offered.AsSpan().ContainsAnyExcept(Allowed)
            ? offered
            : Guid.CreateVersion7().ToString("N");

        context.TraceIdentifier = id;

        // Set as the response starts: the exception handler clears headers before writing a problem.
        context.Response.OnStarting(static state =>
        {
            var (response, requestId) = ((HttpResponse, string))state;
            response.Headers[Header] = requestId;
            return Task.CompletedTask;
        }, (context.Response, id));
        using (logger.BeginScope(new Concierge.Logging.LogFields(("RequestId", id))))
        {
            await next(context);
        }
    }
}
