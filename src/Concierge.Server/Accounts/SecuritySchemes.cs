using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Concierge.Server.Accounts;

/// <summary>
/// Declares the security schemes (bearer JWT, API key, public agent key) in the OpenAPI document
/// and each operation's requirement. The role a route needs is listed as the requirement's scope
/// (OpenAPI 3.1 allows role names there), so a client, and the test matrix, can read it.
/// </summary>
public static class SecuritySchemes
{
    public const string Bearer = "bearer";
    public const string ApiKey = "apiKey";
    public const string AgentKey = "agentKey";

    public static Task ApplyAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT or ck_live_ API key",
            Description = "A JWT from POST /api/v1/login/access-token, or an API key (ck_live_...).",
        };
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthentication.HeaderName,
            Description = "An API key (ck_live_...).",
        };
        document.Components.SecuritySchemes[AgentKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = TenantEdgeMiddleware.AgentKeyHeader,
            Description = "A public agent key (not a secret; also accepted as ?agent_key=). Without one, the deployment's default public agent answers.",
        };

        foreach (var description in context.DescriptionGroups.SelectMany(g => g.Items))
        {
            // The document may spell a group's root route with or without its trailing slash.
            var path = "/" + (description.RelativePath ?? string.Empty).Split('?')[0];
            if (document.Paths is null
                || !(document.Paths.TryGetValue(path, out var item) || document.Paths.TryGetValue(path.TrimEnd('/'), out item) || document.Paths.TryGetValue(path.TrimEnd('/') + "/", out item))
                || item.Operations is null
                || !item.Operations.TryGetValue(new HttpMethod(description.HttpMethod ?? "GET"), out var operation))
            {
                continue;
            }

            var metadata = description.ActionDescriptor.EndpointMetadata;
            var access = metadata.OfType<AccessMetadata>().LastOrDefault();
            if (access is not null)
            {
                var role = access.Role.ToString().ToLowerInvariant();
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [role] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, document)] = [role] },
                ];
            }
            else if (metadata.OfType<PublicAgentMetadata>().Any())
            {
                operation.Security =
                [
                    new OpenApiSecurityRequirement(),
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AgentKey, document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
                ];
            }
            else if (metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [];
            }
        }

        return Task.CompletedTask;
    }
}
