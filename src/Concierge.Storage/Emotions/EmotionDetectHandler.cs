using Concierge.Emotions;
using Concierge.Jobs;

namespace Concierge.Storage.Emotions;

/// <summary>
/// Runs emotion.detect: reads the user message the turn named, detects its emotion offline (the
/// multilingual lexicon) and records it once. A failure retries per the job policy.
/// </summary>
public sealed class EmotionDetectHandler(SqlEmotionStore emotions) : IJobHandler
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

        var reading = _detector.Detect(message.Content);
        await emotions.SaveAsync(context.TenantId, message.SessionId, messageId, message.CustomerId, reading, cancellationToken);
    }
}
