using System.Text.Json;
using Concierge.Conversations;
using Concierge.Safety;

namespace Concierge.Server.Safety;

/// <summary>The session a request on a crisis-exempt route would continue, or null (a new conversation, or none).</summary>
public delegate ValueTask<Session?> CrisisSessionLocator(HttpContext context, CancellationToken cancellationToken);

/// <summary>
/// Endpoint metadata: a crisis message on this route is never refused by a limit (rate limits now,
/// budgets later). <see cref="Session"/>, when the route gives one, finds the conversation whose
/// context (crisis mode, the last few user messages) the exemption reads, as the turn will.
/// </summary>
public sealed class CrisisExemptMetadata(CrisisSessionLocator? session)
{
    public static readonly CrisisExemptMetadata MessageOnly = new(null);

    public CrisisSessionLocator? Session { get; } = session;
}

/// <summary>
/// The one question every limit asks before it refuses a request (SPEC 5.5: a crisis is never
/// blocked by a rate limit, a budget limit or a model outage): does this request carry a crisis
/// message? True only on routes marked <c>.ExemptCrisis()</c>, whose JSON body's <c>message</c>
/// the offline detector reads as a crisis with the same context the turn's safety check uses: the
/// last few user messages of the session the request continues (so the second half of a crisis
/// spread over two messages passes), and a session already in crisis mode passes whatever the
/// message (its reply is the supportive follow-up). The rate limiter calls it when a caller is over
/// its limit; the budget check (not built yet) must call it before refusing, too. The body is
/// buffered, so the endpoint still reads it.
/// </summary>
public sealed class CrisisExemption(CrisisDetector detector, ISessionStore sessions, ILogger<CrisisExemption> logger)
{
    // A chat message is far smaller; a larger body is not read here (the route refuses it).
    private const int MaxReadBytes = 64 * 1024;

    // Enough of the newest messages to hold the last few user ones between the replies.
    private const int HistoryLimit = CrisisSafetyCheck.ContextMessages * 4;

    public async ValueTask<bool> AppliesAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<CrisisExemptMetadata>() is not { } exempt
            || context.Request.ContentLength is > MaxReadBytes
            || context.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return false;
        }

        try
        {
            context.Request.EnableBuffering(MaxReadBytes);
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            context.Request.Body.Position = 0;
            if (buffer.Length > MaxReadBytes)
            {
                return false;
            }

            using var json = JsonDocument.Parse(buffer.ToArray());
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("message", out var message)
                || message.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            var session = exempt.Session is { } locate ? await locate(context, context.RequestAborted) : null;
            if (session?.CrisisSince is not null)
            {
                logger.LogWarning("A limit was waived for a session in crisis mode on {Path}", context.Request.Path);
                return true;
            }

            var earlier = session is null
                ? []
                : CrisisSafetyCheck.RecentUserMessages(await sessions.GetRecentMessagesAsync(session.TenantId, session.Id, HistoryLimit, context.RequestAborted));
            var crisis = detector.Assess(message.GetString() ?? string.Empty, earlier).IsCrisis;
            if (crisis)
            {
                logger.LogWarning("A limit was waived for a crisis message on {Path}", context.Request.Path);
            }

            return crisis;
        }
        catch (Exception e) when (e is JsonException or IOException or BadHttpRequestException)
        {
            if (context.Request.Body.CanSeek)
            {
                context.Request.Body.Position = 0;
            }

            return false;
        }
    }
}

public static class CrisisExemptionExtensions
{
    /// <summary>
    /// A crisis message on this route passes every limit (see <see cref="CrisisExemption"/>); with
    /// <paramref name="session"/>, read together with that session's context.
    /// </summary>
    public static TBuilder ExemptCrisis<TBuilder>(this TBuilder builder, CrisisSessionLocator? session = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(session is null ? CrisisExemptMetadata.MessageOnly : new CrisisExemptMetadata(session));
}
