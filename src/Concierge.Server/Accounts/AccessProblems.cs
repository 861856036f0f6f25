using Concierge.Server.Errors;

namespace Concierge.Server.Accounts;

/// <summary>The 401 and 403 problem documents, written the same way by the edge and by authorization.</summary>
public static class AccessProblems
{
    public static readonly Problem Unauthorized = new(StatusCodes.Status401Unauthorized, "unauthorized", "Credentials are missing or invalid.");
    public static readonly Problem Forbidden = new(StatusCodes.Status403Forbidden, "forbidden", "The caller's role may not use this route.");
    public static readonly Problem InvalidCredentials = new(StatusCodes.Status401Unauthorized, "invalid_credentials", "The username or password is wrong.");
    public static readonly Problem LoginLocked = new(StatusCodes.Status429TooManyRequests, "login_locked", "Too many failed sign-ins for this username.");
    public static readonly Problem Conflict = new(StatusCodes.Status409Conflict, "conflict", "The value is already taken.");
    public static readonly Problem UserNotFound = new(StatusCodes.Status404NotFound, "user_not_found", "No such user.");
    public static readonly Problem SelfDelete = new(StatusCodes.Status409Conflict, "self_delete", "An admin cannot delete their own user.");
    public static readonly Problem KeyNotFound = new(StatusCodes.Status404NotFound, "key_not_found", "No such API key.");
    public static readonly Problem DebugNotExposed = new(StatusCodes.Status403Forbidden, "debug_not_exposed", "This agent does not expose its debug view.");

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750), naming invalid_token when credentials were sent.</summary>
    public static Task WriteUnauthorizedAsync(HttpContext context, string detail, bool invalidToken)
    {
        context.Response.Headers.WWWAuthenticate = invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        return ProblemWriter.WriteAsync(context, Unauthorized, detail);
    }

    public static Task WriteForbiddenAsync(HttpContext context, string detail) => ProblemWriter.WriteAsync(context, Forbidden, detail);
}
