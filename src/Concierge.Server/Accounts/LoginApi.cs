using System.Globalization;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.RateLimits;
using Concierge.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Accounts;

/// <summary>
/// <c>POST /api/v1/login/access-token</c> (seed 004): form <c>username</c> and <c>password</c>
/// give a bearer token. Wrong credentials are one 401 whether or not the user exists.
/// </summary>
public static class LoginApi
{
    /// <summary>Sign-ins a minute per caller (IP), whatever the default: password guessing is what it slows.</summary>
    public const int RateLimitPerMinute = 20;

    public sealed record AccessTokenResponse(string AccessToken, string TokenType, int ExpiresIn);

    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/login/access-token", LoginAsync)
            .WithTags("Accounts")
            .WithSummary("Exchange a username and password (form fields) for a bearer token.")
            .Accepts<LoginForm>("application/x-www-form-urlencoded")
            .AllowAnonymous()
            .WithBodyLimit(8 * 1024)
            .RequireRateLimit("login", RateLimitPerMinute);
        return routes;
    }

    /// <summary>The form's fields, for the OpenAPI document (the form is read by hand to name bad fields).</summary>
    public sealed record LoginForm(string Username, string Password);

    private static async Task<Results<Ok<AccessTokenResponse>, ProblemHttpResult>> LoginAsync(
        HttpRequest request, AccountService accounts, AccessTokenIssuer tokens, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new RequestFieldException("username", "Send the form fields 'username' and 'password' as application/x-www-form-urlencoded.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw new RequestFieldException("username", "The form could not be read.");
        }

        var username = AccountFields.Username(Single(form, "username"));
        var password = Single(form, "password");
        if (string.IsNullOrEmpty(password))
        {
            throw new AccountInputException("password", "Field 'password' is required.");
        }

        if (password.Length > AccountFields.MaxPassword)
        {
            throw new AccountInputException("password", $"Field 'password' must be at most {AccountFields.MaxPassword} characters.");
        }

        var (user, locked) = await accounts.SignInAsync(username, password, cancellationToken);
        if (locked is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            Observability.HttpTelemetry.Rejected("login_lockout");
            return TypedResults.Problem(ProblemWriter.Create(request.HttpContext, AccessProblems.LoginLocked, $"Too many failed sign-ins for this username; retry in {seconds} s."));
        }

        if (user is null)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(ProblemWriter.Create(request.HttpContext, AccessProblems.InvalidCredentials, "The username or password is wrong."));
        }

        return TypedResults.Ok(new AccessTokenResponse(tokens.Issue(user), "bearer", (int)tokens.Lifetime.TotalSeconds));
    }

    private static string? Single(IFormCollection form, string field) =>
        form[field].Count > 1 ? throw new AccountInputException(field, $"Field '{field}' must be sent once.") : form[field].ToString();
}
