using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Concierge.Server.Accounts;

/// <summary>
/// Answers a failed authorization with Concierge's problem documents instead of the schemes' bare
/// challenges: no caller (or a refused token) is 401 with <c>WWW-Authenticate: Bearer</c>; a
/// caller whose role is too low is 403.
/// </summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            return next(context);
        }

        var sent = TenantEdgeMiddleware.HasCredentials(context.Request);
        if (authorizeResult.Challenged || Caller.From(context.User) is null)
        {
            return AccessProblems.WriteUnauthorizedAsync(
                context,
                sent ? "The bearer token or API key is invalid, expired or revoked." : "This route needs a bearer token (POST /api/v1/login/access-token) or an API key.",
                invalidToken: sent);
        }

        return AccessProblems.WriteForbiddenAsync(context, "The caller's role may not use this route.");
    }
}
