using System.Diagnostics;
using Concierge.Server.Tenancy;

namespace Concierge.Server.Observability;

/// <summary>
/// After the edge knows the tenant: every log line of the request names the tenant and, on a
/// session's route, the session (the request id and trace id are there already), and the request's
/// span carries them too. Ids only: never a message text, a token or a key.
/// </summary>
public sealed class LogScopeMiddleware(RequestDelegate next, ILogger<LogScopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, RequestTenant tenant)
    {
        var values = new List<(string, object?)>(2);
        if (tenant.IsResolved)
        {
            values.Add(("TenantId", tenant.Id));
            Activity.Current?.SetTag("concierge.tenant_id", tenant.Id);
        }

        if (SessionOf(context) is { } session)
        {
            values.Add(("SessionId", session));
            Activity.Current?.SetTag("concierge.session_id", session);
        }

        if (values.Count == 0)
        {
            await next(context);
            return;
        }

        using (logger.BeginScope(new Concierge.Logging.LogFields([.. values])))
        {
            await next(context);
        }
    }

    // The routes name a session "session_id", or "id" under /session and /api/v1/sessions.
    private static string? SessionOf(HttpContext context)
    {
        var route = context.Request.RouteValues;
        if (route.TryGetValue("session_id", out var named) && named is string s && Guid.TryParse(s, out _))
        {
            return s;
        }

        return route.TryGetValue("id", out var id) && id is string i && Guid.TryParse(i, out _)
            && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern }
            && pattern.Contains("session", StringComparison.OrdinalIgnoreCase)
            ? i
            : null;
    }
}
