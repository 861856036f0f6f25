using System.Globalization;
using Concierge.Conversations;

namespace Concierge.Server.Http;

/// <summary>
/// Tells the client how long the turn waited on the model (<c>Server-Timing: model;dur=812</c>), so
/// load tests can subtract it and see the server's own overhead.
/// </summary>
public static class ServerTiming
{
    public static void AddModelTime(this HttpResponse response, TurnResult turn) =>
        response.Headers.Append("Server-Timing", string.Create(CultureInfo.InvariantCulture, $"model;dur={turn.ModelLatencyMs}"));
}
