using System.Text.Json;
using Concierge.Safety;

namespace Concierge.Server.Safety;

/// <summary>Endpoint metadata: a crisis message on this route is never refused by a limit (rate limits now, budgets later).</summary>
public sealed class CrisisExemptMetadata
{
    public static readonly CrisisExemptMetadata Instance = new();
}

/// <summary>
/// The one question every limit asks before it refuses a request (SPEC 5.5: a crisis is never
/// blocked by a rate limit, a budget limit or a model outage): does this request carry a crisis
/// message? True only on routes marked <c>.ExemptCrisis()</c>, whose JSON body's <c>message</c>
/// the offline detector reads as a crisis. The rate limiter calls it when a caller is over its
/// limit; the budget check (not built yet) must call it before refusing, too. The body is buffered,
/// so the endpoint still reads it.
/// </summary>
public sealed class CrisisExemption(CrisisDetector detector, ILogger<CrisisExemption> logger)
{
    // A chat message is far smaller; a larger body is not read here (the route refuses it).
    private const int MaxReadBytes = 64 * 1024;

    public async ValueTask<bool> AppliesAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<CrisisExemptMetadata>() is null
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

            var crisis = detector.Assess(message.GetString() ?? string.Empty, []).IsCrisis;
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
    /// <summary>A crisis message on this route passes every limit (see <see cref="CrisisExemption"/>).</summary>
    public static TBuilder ExemptCrisis<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(CrisisExemptMetadata.Instance);
}
