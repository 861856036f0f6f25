using Microsoft.AspNetCore.Mvc;

namespace Concierge.Server.Errors;

/// <summary>Writes problem documents with the fields every Concierge error carries: code, request id and, when known, the field.</summary>
public static class ProblemWriter
{
    public static ProblemDetails Create(HttpContext context, Problem problem, string detail, string? field = null)
    {
        var details = new ProblemDetails
        {
            Type = problem.Type,
            Title = problem.Title,
            Status = problem.Status,
            Detail = detail,
            Instance = context.Request.Path,
        };
        details.Extensions["code"] = problem.Code;
        if (field is not null)
        {
            details.Extensions["field"] = field;
        }

        return details;
    }

    public static async Task WriteAsync(HttpContext context, Problem problem, string detail, string? field = null)
    {
        var details = Create(context, problem, detail, field);
        context.Response.StatusCode = problem.Status;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problemContext = new ProblemDetailsContext { HttpContext = context, ProblemDetails = details };
        if (!await writer.TryWriteAsync(problemContext))
        {
            // The caller accepts only something else (text/event-stream): an error is still a problem
            // document, never an empty 500.
            AddRequestId(problemContext);
            await context.Response.WriteAsJsonAsync(details, options: null, contentType: "application/problem+json");
        }
    }

    /// <summary>Adds the request id to every problem document, including the framework's own.</summary>
    public static void AddRequestId(ProblemDetailsContext context)
    {
        context.ProblemDetails.Extensions["request_id"] = context.HttpContext.TraceIdentifier;
        context.ProblemDetails.Extensions.Remove("traceId");
        if (context.ProblemDetails.Type is null or "" || context.ProblemDetails.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
        {
            var fallback = context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => Problem.RouteNotFound,
                StatusCodes.Status405MethodNotAllowed => Problem.MethodNotAllowed,
                StatusCodes.Status413PayloadTooLarge => Problem.BodyTooLarge,
                StatusCodes.Status415UnsupportedMediaType => Problem.UnsupportedMediaType,
                StatusCodes.Status429TooManyRequests => Problem.RateLimited,
                >= 500 => Problem.Internal,
                _ => Problem.BadRequest,
            };
            context.ProblemDetails.Type = fallback.Type;
            context.ProblemDetails.Extensions.TryAdd("code", fallback.Code);
            context.ProblemDetails.Title ??= fallback.Title;
            context.ProblemDetails.Detail ??= fallback.Title;
        }
    }
}
