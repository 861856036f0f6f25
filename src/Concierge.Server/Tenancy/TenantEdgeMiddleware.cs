using Concierge.Agents;
using Concierge.Server.Accounts;
using Concierge.Server.Configuration;
using Concierge.Server.Errors;

namespace Concierge.Server.Tenancy;

/// <summary>
/// Runs after authentication and before authorization: turns the authenticated principal (a JWT or
/// an API key) into the request's <see cref="Caller"/> and tenant. On a public route with no
/// caller, the public agent named by <c>X-Agent-Key</c> or <c>?agent_key=</c> (else the
/// deployment's default) decides the tenant. Anything else leaves the tenant unresolved, and the
/// route's authorization answers 401.
/// </summary>
public sealed class TenantEdgeMiddleware(RequestDelegate next, AuthSettings settings)
{
    public const string AgentKeyHeader = "X-Agent-Key";
    public const string AgentKeyQuery = "agent_key";
    private const int MaxAgentKeyLength = 128;

    public async Task InvokeAsync(HttpContext context, RequestTenant tenant, IAgentCatalog agents)
    {
        var caller = Caller.From(context.User);
        if (caller is not null)
        {
            tenant.Id = caller.TenantId;
            tenant.Caller = caller;
            await next(context);
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<PublicAgentMetadata>() is null)
        {
            await next(context);
            return;
        }

        // Credentials that were sent but did not check out are refused even here: a client whose
        // token expired must learn it, not silently become anonymous.
        if (HasCredentials(context.Request))
        {
            await AccessProblems.WriteUnauthorizedAsync(context, "The bearer token or API key is invalid, expired or revoked.", invalidToken: true);
            return;
        }

        var named = context.Request.Headers[AgentKeyHeader].ToString() is { Length: > 0 } header ? header : context.Request.Query[AgentKeyQuery].ToString();
        var key = named is { Length: > 0 } ? named : settings.DefaultAgentKey;
        var agent = key is { Length: > 0 and <= MaxAgentKeyLength } ? await agents.FindByPublicKeyAsync(key, context.RequestAborted) : null;
        if (agent is null)
        {
            await AccessProblems.WriteUnauthorizedAsync(
                context,
                named is { Length: > 0 } ? "No agent has this agent key." : "This deployment has no default public agent; send X-Agent-Key or a bearer token.",
                invalidToken: false);
            return;
        }

        tenant.Id = agent.TenantId;
        tenant.PublicAgent = agent;
        await next(context);
    }

    public static bool HasCredentials(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Headers.ContainsKey(ApiKeyAuthentication.HeaderName);
}
