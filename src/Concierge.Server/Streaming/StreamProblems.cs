using Concierge.Server.Errors;

namespace Concierge.Server.Streaming;

/// <summary>The problem documents of the stream routes.</summary>
public static class StreamProblems
{
    public static readonly Problem StreamNotFound = new(StatusCodes.Status404NotFound, "stream_not_found", "No such stream.");
    public static readonly Problem StreamExpired = new(StatusCodes.Status410Gone, "stream_expired", "The stream is past its retention.");
    public static readonly Problem EventNotFound = new(StatusCodes.Status404NotFound, "event_not_found", "The stream has no such event.");
    public static readonly Problem WebSocketRequired = new(StatusCodes.Status400BadRequest, "websocket_required", "This route takes a WebSocket upgrade.");
}
