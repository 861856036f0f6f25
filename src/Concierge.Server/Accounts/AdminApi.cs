using System.Globalization;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Concierge.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Accounts;

/// <summary>The tenant's users and API keys, for an admin of the tenant (the same operations as the commands).</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/v1/users").WithTags("Accounts").RequireRole(Role.Admin).WithBodyLimit(16 * 1024).RequireRateLimiting(HttpSetup.RateLimitPolicy);
        users.MapPost("/", AddUserAsync).WithSummary("Create a user of the tenant (admin, operator or customer).");
        users.MapGet("/", ListUsersAsync).WithSummary("The tenant's users.");
        users.MapDelete("/{id}", DeleteUserAsync).WithSummary("Delete a user: their tokens stop working (at once here, within 30 s on other instances).");

        var keys = routes.MapGroup("/api/v1/keys").WithTags("Accounts").RequireRole(Role.Admin).WithBodyLimit(16 * 1024).RequireRateLimiting(HttpSetup.RateLimitPolicy);
        keys.MapPost("/", AddKeyAsync).WithSummary("Create an API key (admin or operator); its secret is in this answer only.");
        keys.MapGet("/", ListKeysAsync).WithSummary("The tenant's API keys, without their secrets.");
        keys.MapPost("/{id}/revoke", RevokeAsync).WithSummary("Revoke a key: it stops working at once.");
        return routes;
    }

    private static async Task<Created<UserView>> AddUserAsync(NewUserRequest body, AccountService accounts, RequestTenant tenant, CancellationToken cancellationToken)
    {
        var user = await accounts.AddUserAsync(tenant.Id, body.Username, body.Password, body.Role, cancellationToken);
        return TypedResults.Created($"/api/v1/users/{user.Id}", UserView.From(user));
    }

    private static async Task<Ok<UserList>> ListUsersAsync(AccountService accounts, RequestTenant tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok(new UserList([.. (await accounts.Store.ListUsersAsync(tenant.Id, cancellationToken)).Select(UserView.From)]));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteUserAsync(
        string id, AccountService accounts, TokenUserCheck tokens, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(id, CultureInfo.InvariantCulture, out var self) && tenant.Caller is { KeyId: null } caller && caller.Subject == self.ToString())
        {
            // So that a tenant cannot lock out its last admin by a slip; another admin or the command can.
            return TypedResults.Problem(ProblemWriter.Create(http, AccessProblems.SelfDelete, "Sign in as another admin, or use `users delete` on the server.", "id"));
        }

        var user = Guid.TryParse(id, CultureInfo.InvariantCulture, out var userId)
            ? await accounts.Store.DeleteUserAsync(tenant.Id, userId, cancellationToken)
            : null;
        if (user is null)
        {
            return TypedResults.Problem(ProblemWriter.Create(http, AccessProblems.UserNotFound, $"User '{(id.Length <= 64 ? id : id[..64] + "...")}' does not exist.", "id"));
        }

        tokens.Forget(user.Id);
        return TypedResults.NoContent();
    }

    private static async Task<Created<NewKeyView>> AddKeyAsync(NewKeyRequest body, AccountService accounts, RequestTenant tenant, CancellationToken cancellationToken)
    {
        var (key, secret) = await accounts.AddKeyAsync(tenant.Id, body.Name, body.Role, cancellationToken);
        return TypedResults.Created($"/api/v1/keys/{key.Id}", new NewKeyView(key.Id, key.Name, key.Role.ToWire(), secret, key.CreatedAt));
    }

    private static async Task<Ok<KeyList>> ListKeysAsync(AccountService accounts, RequestTenant tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok(new KeyList([.. (await accounts.Store.ListKeysAsync(tenant.Id, cancellationToken)).Select(KeyView.From)]));

    private static async Task<Results<Ok<KeyView>, ProblemHttpResult>> RevokeAsync(
        string id, AccountService accounts, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var key = Guid.TryParse(id, CultureInfo.InvariantCulture, out var keyId)
            ? await accounts.Store.RevokeKeyAsync(tenant.Id, keyId, cancellationToken)
            : null;
        return key is null
            ? TypedResults.Problem(ProblemWriter.Create(http, AccessProblems.KeyNotFound, $"API key '{(id.Length <= 64 ? id : id[..64] + "...")}' does not exist.", "id"))
            : TypedResults.Ok(KeyView.From(key));
    }
}
