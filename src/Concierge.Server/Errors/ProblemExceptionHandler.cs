using System.Text;
using System.Text.Json;
using Concierge.Conversations;
using Microsoft.AspNetCore.Diagnostics;

namespace Concierge.Server.Errors;

/// <summary>
/// Turns every exception that reaches the edge into a problem document. Domain exceptions map to
/// their 4xx; request-reading failures keep the status the framework chose and name the field the
/// JSON reader stopped at; anything else is a 500 whose detail reveals nothing internal.
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (problem, detail, field) = Classify(exception);
        if (exception is RateLimits.RateLimitUnavailableException)
        {
            // Expected while Redis is away under the reject policy; the change was logged once already.
            httpContext.Response.Headers.RetryAfter = "5";
        }
        else if (problem == Problem.DatabaseUnavailable)
        {
            // The database is away (restarting, locked, disk full): the client may send again.
            // Logged without the stack: a minute's outage under load would otherwise fill the log.
            httpContext.Response.Headers.RetryAfter = Storage.DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            logger.LogWarning("Database unavailable on {Method} {Path}: {Error}", httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        }
        else if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            logger.LogInformation("Refused {Method} {Path}: {Code} {Detail}", httpContext.Request.Method, httpContext.Request.Path, problem.Code, detail);
        }

        if (problem == Accounts.AccessProblems.Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        }

        if (problem == Problem.SessionBusy)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        await ProblemWriter.WriteAsync(httpContext, problem, detail, field);
        return true;
    }

    internal static (Problem Problem, string Detail, string? Field) Classify(Exception exception) => exception switch
    {
        InvalidTurnInputException e => (e.Code switch
        {
            TurnInputCodes.TooLong => Problem.MessageTooLong,
            TurnInputCodes.InvalidText => Problem.InvalidText,
            _ => Problem.EmptyMessage,
        }, e.Message, e.Field),
        RequestFieldException e => (Problem.InvalidField, e.Message, e.Field),
        Concierge.Shops.ShopInputException e => (Shops.ShopProblems.Invalid, e.Message, e.Field),
        Concierge.Tenants.AccountInputException e => (Problem.InvalidField, e.Message, e.Field),
        Concierge.Agents.AgentInputException e => (Problem.InvalidField, e.Message, e.Field),
        Concierge.Tenants.AccountConflictException e => (Accounts.AccessProblems.Conflict, e.Message, e.Field),
        RateLimits.RateLimitUnavailableException e => (Problem.Unavailable, e.Message, null),
        Tenancy.TenantUnresolvedException e => (Accounts.AccessProblems.Unauthorized, e.Message, null),
        SessionNotFoundException e => (Problem.SessionNotFound, $"Session '{e.SessionId}' does not exist.", "session_id"),
        CustomerNotFoundException e => (Problem.CustomerNotFound, $"The tenant has no conversation with customer '{e.CustomerId}'.", "customer_id"),
        SessionExpiredException e => (Problem.SessionExpired, $"Session '{e.SessionId}' expired at {e.ExpiredAt:O}; start a new one.", "session_id"),
        SessionBusyException e => (Problem.SessionBusy, $"Session '{e.SessionId}' is still answering an earlier message; retry shortly.", "session_id"),
        AgentNotFoundException e => (Problem.AgentNotFound, $"Agent '{e.AgentKey}' does not exist.", "agent"),
        BadHttpRequestException e => ClassifyBadRequest(e),
        _ when Storage.UnstorableText.Is(exception) =>
            (Problem.BadRequest, "The request holds text the database cannot store or search for (a NUL character); send it without.", null),
        _ when Storage.DatabaseUnavailable.Is(exception) =>
            (Problem.DatabaseUnavailable, "The database is unavailable right now; retry after the number of seconds in Retry-After.", null),
        _ => (Problem.Internal, "The request failed unexpectedly; the request id identifies it in the logs.", null),
    };

    private static (Problem, string, string?) ClassifyBadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (Problem.BodyTooLarge, exception.Message, null);
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return (Problem.UnsupportedMediaType, "The request body must be JSON sent as 'Content-Type: application/json'.", null);
        }

        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                // The reader's own message names CLR types; the client is told the field and the JSON position instead.
                var field = FieldFromPath(json.Path);
                if (IsBadEncoding(json))
                {
                    return field == "message"
                        ? (Problem.InvalidText, "Field 'message' is not valid UTF-8 / UTF-16 text.", field)
                        : (Problem.InvalidJson, "The body is not valid UTF-8 text.", field);
                }

                if (IsDuplicate(json))
                {
                    var twice = field ?? DuplicateName(json.Message);
                    return (Problem.InvalidField, $"Field '{twice}' appears more than once.", twice);
                }

                return field is null
                    ? (Problem.InvalidJson, $"The body is not valid JSON (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}).", null)
                    : (Problem.InvalidField, $"Field '{field}' has the wrong type: {ExpectedType(field)}", field);
            }

            if (inner is InvalidOperationException or DecoderFallbackException)
            {
                return (Problem.InvalidJson, "The body is not valid UTF-8 JSON.", null);
            }
        }

        return exception.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
            || exception.Message.Contains("Required parameter", StringComparison.OrdinalIgnoreCase)
            ? (Problem.InvalidJson, "The request needs a JSON body.", null)
            : (Problem.BadRequest, exception.Message, null);
    }

    private static string? FieldFromPath(string? path) =>
        path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    // The reader reports broken encodings ("invalid UTF-8", "incomplete UTF-16 ... surrogate") as an
    // InvalidOperationException; the same type also carries plain type mismatches, hence the message check.
    private static bool IsBadEncoding(JsonException json) =>
        json.InnerException is DecoderFallbackException
        || (json.InnerException is InvalidOperationException inner && inner.Message.Contains(" UTF-", StringComparison.Ordinal))
        || json.Message.Contains("invalid UTF-", StringComparison.OrdinalIgnoreCase);

    // AllowDuplicateProperties = false: the reader names the property in its message ("Duplicate property 'message' ...").
    private static bool IsDuplicate(JsonException json) => json.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase);

    private static string? DuplicateName(string message) =>
        message.IndexOf('\'') is var start and >= 0 && message.IndexOf('\'', start + 1) is var end and > 0 ? message[(start + 1)..end] : null;

    private static string ExpectedType(string field) => field switch
    {
        "message" or "session_id" or "agent" or "customer_id" => "it must be a string.",
        _ => "see the OpenAPI document at /openapi/v1.json.",
    };
}
