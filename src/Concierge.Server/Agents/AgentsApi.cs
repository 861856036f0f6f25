using System.Text.Json;
using Concierge.Agents;
using Concierge.Server.Accounts;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Concierge.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Agents;

/// <summary>The tenant's agents: read by staff, changed by an admin (what the console's settings page uses).</summary>
public static class AgentsApi
{
    public static RouteGroupBuilder MapAgents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/agents").WithTags("Agents").RequireRole(Role.Operator).RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapGet("/", ListAsync).WithSummary("The tenant's agents by key, with their settings.");
        group.MapGet("/{id}", GetAsync).WithSummary("One agent, by its id or its key.");
        group.MapPatch("/{id}", UpdateAsync).RequireRole(Role.Admin).WithBodyLimit(64 * 1024)
            .WithBodyDocument<AgentPatch>("application/json")
            .WithSummary("Changes an agent (by id or key): any of name, instructions, model (null: the configured one), temperature (0-2), crisis_detection, "
                + "expose_debug, public_key (null: no anonymous access), daily_budget_usd (null: the tenant's only), double_texting (enqueue or reject). Fields left out stay; this instance uses the change at once, others within 30 s.");
        return group;
    }

    private static async Task<Ok<AgentList>> ListAsync(IAgentCatalog agents, RequestTenant tenant, CancellationToken cancellationToken)
    {
        var all = await agents.ListAsync(tenant.Id, cancellationToken);
        var byDefault = all.Count > 0 ? await agents.DefaultAsync(tenant.Id, cancellationToken) : null;
        return TypedResults.Ok(new AgentList([.. all.Select(a => AgentView.From(a, a.Id == byDefault?.Id))]));
    }

    private static async Task<Results<Ok<AgentView>, ProblemHttpResult>> GetAsync(
        string id, IAgentCatalog agents, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var agent = await FindAsync(agents, tenant.Id, id, cancellationToken);
        return agent is null ? NotFound(http, id) : TypedResults.Ok(await ViewAsync(agent, agents, cancellationToken));
    }

    // The body is read by hand: a field sent as null (model, public_key) must differ from one left out.
    // The agent is found first, so another tenant's agent is a 404 whatever the body says.
    private static async Task<Results<Ok<AgentView>, ProblemHttpResult>> UpdateAsync(
        string id, JsonElement body, IAgentEditor editor, IAgentCatalog agents, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (await FindAsync(agents, tenant.Id, id, cancellationToken) is not { Key: var key })
        {
            return NotFound(http, id);
        }

        var change = AgentPatch.Read(body);
        if (change.IsEmpty)
        {
            throw new RequestFieldException("body", "The body names no field to change (name, instructions, model, temperature, crisis_detection, expose_debug, public_key, daily_budget_usd, double_texting).");
        }

        try
        {
            var agent = await editor.UpdateAsync(tenant.Id, key, change, cancellationToken);
            return agent is null ? NotFound(http, id) : TypedResults.Ok(await ViewAsync(agent, agents, cancellationToken));
        }
        catch (AgentPublicKeyTakenException e)
        {
            return TypedResults.Problem(ProblemWriter.Create(http, AgentProblems.PublicKeyTaken, e.Message, "public_key"));
        }
    }

    /// <summary>An agent's id is unique everywhere, its key only within the tenant; both are looked up within it.</summary>
    private static Task<Agent?> FindAsync(IAgentCatalog agents, Guid tenantId, string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var agentId)
            ? agents.FindAsync(tenantId, agentId, cancellationToken)
            : agents.FindByKeyAsync(tenantId, id, cancellationToken);

    private static async Task<AgentView> ViewAsync(Agent agent, IAgentCatalog agents, CancellationToken cancellationToken) =>
        AgentView.From(agent, (await agents.DefaultAsync(agent.TenantId, cancellationToken)).Id == agent.Id);

    private static ProblemHttpResult NotFound(HttpContext http, string id) =>
        TypedResults.Problem(ProblemWriter.Create(http, Problem.AgentNotFound, $"Agent '{(id.Length <= 64 ? id : id[..64] + "...")}' does not exist.", "id"));
}

public static class AgentProblems
{
    public static readonly Problem PublicKeyTaken = new(StatusCodes.Status409Conflict, "public_key_taken", "Another agent already has this public key.");
}

public sealed record AgentList(IReadOnlyList<AgentView> Agents);

public sealed record AgentView(
    Guid Id, string Key, string Name, string Skill, IReadOnlyList<string> Skills, string Instructions, string? Model, double Temperature,
    bool CrisisDetection, bool ExposeDebug, string? PublicKey, string Locale, bool DetectEmotions, decimal? DailyBudgetUsd, string DoubleTexting, bool IsDefault)
{
    public static AgentView From(Agent a, bool isDefault) => new(
        a.Id, a.Key, a.Name, a.Skill, a.Skills.Count > 0 ? a.Skills : [a.Skill], a.Instructions, a.Model, a.Temperature,
        a.CrisisDetection, a.ExposeDebug, a.PublicKey, a.Locale, a.DetectEmotions, a.DailyBudgetUsd, a.DoubleTexting.ToString().ToLowerInvariant(), isDefault);
}

/// <summary>The PATCH body, for the OpenAPI document; <see cref="Read"/> is what parses it.</summary>
public sealed record AgentPatch(
    string? Name, string? Instructions, string? Model, double? Temperature, bool? CrisisDetection, bool? ExposeDebug, string? PublicKey, decimal? DailyBudgetUsd, string? DoubleTexting)
{
    public static AgentChange Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new RequestFieldException("body", "The body must be a JSON object.");
        }

        var change = new AgentChange();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in body.EnumerateObject())
        {
            // The JSON reader keeps the last of two same-named fields; which one the sender meant is unknowable.
            if (!seen.Add(field.Name))
            {
                throw new RequestFieldException(field.Name, $"Field '{field.Name}' appears more than once.");
            }

            var value = field.Value;
            change = field.Name switch
            {
                "name" => change with { Name = Text(field.Name, value) },
                "instructions" => change with { Instructions = Text(field.Name, value) },
                "model" => change with { Model = new Change<string?>(value.ValueKind == JsonValueKind.Null ? null : Text(field.Name, value)) },
                "temperature" => change with
                {
                    Temperature = value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var t) ? t : throw Wrong(field.Name, "a number from 0 to 2"),
                },
                "crisis_detection" => change with { CrisisDetection = Flag(field.Name, value) },
                "expose_debug" => change with { ExposeDebug = Flag(field.Name, value) },
                "public_key" => change with { PublicKey = new Change<string?>(value.ValueKind == JsonValueKind.Null ? null : Text(field.Name, value)) },
                "daily_budget_usd" => change with
                {
                    DailyBudgetUsd = new Change<decimal?>(value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.Number when value.TryGetDecimal(out var usd) => usd,
                        _ => throw Wrong(field.Name, "a number of US dollars, or null"),
                    }),
                },
                "double_texting" => change with
                {
                    DoubleTexting = value.ValueKind == JsonValueKind.String ? Text(field.Name, value) switch
                    {
                        "enqueue" => Concierge.Agents.DoubleTexting.Enqueue,
                        "reject" => Concierge.Agents.DoubleTexting.Reject,
                        _ => throw Wrong(field.Name, "enqueue or reject"),
                    } : throw Wrong(field.Name, "enqueue or reject"),
                },
                _ => throw new RequestFieldException(field.Name, $"Field '{field.Name}' is not a setting this route changes."),
            };
        }

        return change;
    }

    private static string Text(string field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Wrong(field, "a string");
        }

        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but not text.
            throw Wrong(field, "valid Unicode text");
        }
    }

    private static bool Flag(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Wrong(field, "true or false"),
    };

    private static RequestFieldException Wrong(string field, string expected) => new(field, $"Field '{field}' must be {expected}.");
}
