using System.Text.Json.Nodes;
using Concierge.Jobs;

namespace Concierge.Emotions;

/// <summary>The emotion.detect job of one user message: deduplicated per message, so a replayed commit asks once.</summary>
public static class EmotionJobs
{
    public const string MessageIdField = "message_id";

    public static JobRequest For(Guid sessionId, Guid messageId) =>
        new(JobKinds.EmotionDetect, new JsonObject { [MessageIdField] = messageId.ToString() }, DedupKey: $"message:{messageId:N}", SessionId: sessionId);
}
