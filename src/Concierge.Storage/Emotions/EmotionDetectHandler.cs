using Concierge.Emotions;
using Concierge.Jobs;
using Concierge.Models;
using Microsoft.Extensions.Logging;

namespace Concierge.Storage.Emotions;

/// <summary>
/// Runs emotion.detect: reads the user message the turn named, detects its emotion and records it
/// once. With a model configured the model classifies it (its call logged and costed like a turn's);
/// offline, or when the model fails or answers out of shape, the multilingual lexicon does. A
/// failure to write retries per the job policy.
/// </summary>
public sealed class EmotionDetectHandler(SqlEmotionStore emotions, ILogger<EmotionDetectHandler> logger, ILanguageModel? model = null) : IJobHandler
{
    private readonly EmotionDetector _detector = new();

    public string Kind => JobKinds.EmotionDetect;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var raw = (string?)context.Payload[EmotionJobs.MessageIdField];
        if (!Guid.TryParse(raw, out var messageId))
        {
            throw new PermanentJobFailure($"The payload has no message id ('{raw}').");
        }

        if (await emotions.FindMessageAsync(context.TenantId, messageId, cancellationToken) is not { } message)
        {
            return;
        }

        IReadOnlyList<ModelCallLog> calls = [];
        EmotionReading? reading = null;
        if (model is not null)
        {
            var result = await model.CompleteAsync(EmotionModelPrompt.Request(message.Content), cancellationToken);
            calls = result.Calls;
            reading = result.Response is { } answer ? EmotionModelPrompt.Read(answer) : null;
            if (reading is null)
            {
                logger.LogWarning("Emotion of message {MessageId}: the model gave no usable label ({Reason}); the lexicon answers", messageId, result.Response is null ? result.FailureReason : "answer out of shape");
            }
        }

        reading ??= _detector.Detect(message.Content);
        await emotions.SaveAsync(context.TenantId, message.SessionId, messageId, message.CustomerId, reading, calls, cancellationToken);
        EmotionTelemetry.Recorded.Add(1, new KeyValuePair<string, object?>("detector", reading.Detector), new KeyValuePair<string, object?>("label", reading.Label.ToString().ToLowerInvariant()));
    }
}
