namespace Concierge.Server.Errors;

/// <summary>
/// The problem documents Concierge answers with (RFC 9457). Each has a stable code that forms its
/// <c>type</c> URI, so clients can branch on it without parsing the human <c>detail</c>.
/// </summary>
public sealed record Problem(int Status, string Code, string Title)
{
    public static readonly Problem InvalidJson = new(StatusCodes.Status400BadRequest, "invalid_json", "The request body is not valid JSON.");
    public static readonly Problem InvalidField = new(StatusCodes.Status400BadRequest, "invalid_field", "A field has a wrong type or value.");
    public static readonly Problem EmptyMessage = new(StatusCodes.Status400BadRequest, "message_empty", "The message is empty.");
    public static readonly Problem InvalidText = new(StatusCodes.Status400BadRequest, "message_invalid_text", "The message is not valid text.");
    public static readonly Problem MessageTooLong = new(StatusCodes.Status413PayloadTooLarge, "message_too_long", "The message is longer than allowed.");
    public static readonly Problem BodyTooLarge = new(StatusCodes.Status413PayloadTooLarge, "body_too_large", "The request body is larger than allowed.");
    public static readonly Problem UnsupportedMediaType = new(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "The request body's media type is not one this route takes.");
    public static readonly Problem BadRequest = new(StatusCodes.Status400BadRequest, "bad_request", "The request could not be read.");
    public static readonly Problem SessionNotFound = new(StatusCodes.Status404NotFound, "session_not_found", "No such session.");
    public static readonly Problem CustomerNotFound = new(StatusCodes.Status404NotFound, "customer_not_found", "The customer was not found.");
    public static readonly Problem AgentNotFound = new(StatusCodes.Status404NotFound, "agent_not_found", "No such agent.");
    public static readonly Problem SessionExpired = new(StatusCodes.Status410Gone, "session_expired", "The session has expired.");
    public static readonly Problem SessionBusy = new(StatusCodes.Status409Conflict, "session_busy", "The session is busy with another message.");
    public static readonly Problem RouteNotFound = new(StatusCodes.Status404NotFound, "not_found", "No such route.");
    public static readonly Problem MethodNotAllowed = new(StatusCodes.Status405MethodNotAllowed, "method_not_allowed", "The route does not accept this method.");
    public static readonly Problem RateLimited = new(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests.");
    public static readonly Problem Unavailable = new(StatusCodes.Status503ServiceUnavailable, "unavailable", "A service Concierge depends on is unavailable.");
    public static readonly Problem DatabaseUnavailable = new(StatusCodes.Status503ServiceUnavailable, "database_unavailable", "The database is unavailable; retry shortly.");
    public static readonly Problem Internal = new(StatusCodes.Status500InternalServerError, "internal_error", "Something went wrong on our side.");

    public string Type => $"urn:concierge:problem:{Code}";
}
