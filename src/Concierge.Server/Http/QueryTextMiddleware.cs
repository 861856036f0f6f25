using Concierge.Server.Errors;

namespace Concierge.Server.Http;

/// <summary>
/// Refuses a query parameter that holds a NUL (<c>?q=a%00b</c>) with a 400 naming it, before any
/// route passes it on as a filter: PostgreSQL cannot hold or compare a NUL (error 22021), and
/// SQLite would quietly match on it, so the same request would mean different things per database.
/// </summary>
public sealed class QueryTextMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
        {
            foreach (var (name, values) in context.Request.Query)
            {
                if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                {
                    var shown = name.Replace("\0", "\\0", StringComparison.Ordinal);
                    return ProblemWriter.WriteAsync(context, Problem.InvalidField, $"Query parameter '{shown}' holds a NUL character, which is not text.", shown);
                }
            }
        }

        return next(context);
    }
}
