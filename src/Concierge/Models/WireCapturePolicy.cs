using System.ClientModel.Primitives;

namespace Concierge.Models;

/// <summary>
/// What one HTTP attempt put on the wire and got back, filled in by <see cref="WireCapturePolicy"/>.
/// The SDK hides both the body it serialises and the raw answer once it throws, so the log takes
/// them from here: the exact bytes, not a re-serialisation that could drift from what was sent.
/// </summary>
internal sealed class WireCapture
{
    public byte[]? RequestBody { get; set; }

    public int? Status { get; set; }

    public byte[]? ResponseBody { get; set; }

    public string? RetryAfter { get; set; }

    public string? RetryAfterMs { get; set; }
}

/// <summary>
/// A System.ClientModel pipeline policy that copies the request body and the response (status,
/// body, Retry-After) into the <see cref="WireCapture"/> of the attempt in flight. The attempt is
/// found through an AsyncLocal because the SDK's convenience methods take no per-call context.
/// </summary>
internal sealed class WireCapturePolicy : PipelinePolicy
{
    private static readonly AsyncLocal<WireCapture?> CurrentCapture = new();

    /// <summary>Starts capturing for the calling flow; the SDK call made next in it is recorded.</summary>
    public static WireCapture Begin()
    {
        var capture = new WireCapture();
        CurrentCapture.Value = capture;
        return capture;
    }

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        var capture = CaptureRequest(message);
        ProcessNext(message, pipeline, currentIndex);
        CaptureResponse(message, capture);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        var capture = CaptureRequest(message);
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        CaptureResponse(message, capture);
    }

    private static WireCapture? CaptureRequest(PipelineMessage message)
    {
        var capture = CurrentCapture.Value;
        if (capture is not null && message.Request.Content is { } content)
        {
            using var buffer = new MemoryStream();
            content.WriteTo(buffer, CancellationToken.None);
            capture.RequestBody = buffer.ToArray();
        }

        return capture;
    }

    private static void CaptureResponse(PipelineMessage message, WireCapture? capture)
    {
        if (capture is null || message.Response is not { } response)
        {
            return;
        }

        capture.Status = response.Status;
        capture.RetryAfter = response.Headers.TryGetValue("Retry-After", out var retryAfter) ? retryAfter : null;
        capture.RetryAfterMs = response.Headers.TryGetValue("retry-after-ms", out var retryAfterMs) ? retryAfterMs : null;

        // The transport has buffered the body already (non-streaming call), so reading it is free
        // and leaves it readable for the SDK.
        try
        {
            capture.ResponseBody = response.Content.ToArray();
        }
        catch (InvalidOperationException)
        {
            // Not buffered (a streamed response): nothing to copy without consuming it.
        }
    }
}
