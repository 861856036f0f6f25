using System.Data.Common;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Dapper;

namespace Concierge.Storage;

/// <summary>
/// <see cref="IAgentEditor"/> over the agents table. The settings column is changed key by key, so
/// settings this editor does not know (detect_emotions, service_keys, daily_budget_usd...) stay.
/// </summary>
public sealed class SqlAgentEditor(Database database, SqlAgentCatalog catalog, CachedAgentCatalog cache, TimeProvider clock) : IAgentEditor
{
    public async Task<Agent?> UpdateAsync(Guid tenantId, string key, AgentChange change, CancellationToken cancellationToken)
    {
        change.Validate();
        try
        {
            var found = await database.WriteAsync(async (connection, transaction) =>
            {
                var current = await connection.QueryRowAsync(new CommandDefinition(
                    "SELECT name, instructions, model, temperature, settings FROM agents WHERE tenant_id = @tenantId AND key = @key",
                    new { tenantId = database.Id(tenantId), key },
                    transaction,
                    cancellationToken: cancellationToken));
                if (current is not { } row)
                {
                    return false;
                }

                var settings = row.ObjectOrNull("settings") ?? [];
                if (change.CrisisDetection is { } crisis)
                {
                    // Absent means on (AgentSettings), so "on" is written as the absence.
                    Set(settings, "crisis_detection", crisis ? null : JsonValue.Create(false));
                }

                if (change.ExposeDebug is { } debug)
                {
                    Set(settings, "expose_debug", JsonValue.Create(debug));
                }

                if (change.PublicKey is { } publicKey)
                {
                    Set(settings, "public_key", publicKey.Value is { } text ? JsonValue.Create(text) : null);
                }

                if (change.DailyBudgetUsd is { } budget)
                {
                    Set(settings, "daily_budget_usd", budget.Value is { } usd ? JsonValue.Create(usd) : null);
                }

                if (change.DoubleTexting is { } doubleTexting)
                {
                    // Absent means enqueue (AgentSettings), so the default is written as the absence.
                    Set(settings, "double_texting", doubleTexting == DoubleTexting.Reject ? JsonValue.Create("reject") : null);
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE agents SET name = @name, instructions = @instructions, model = @model, temperature = @temperature, "
                    + $"settings = {database.Json("settings")}, updated_at = @now WHERE tenant_id = @tenantId AND key = @key",
                    new
                    {
                        tenantId = database.Id(tenantId),
                        key,
                        name = change.Name?.Trim() ?? row.String("name"),
                        instructions = change.Instructions ?? row.String("instructions"),
                        model = change.Model is { } model ? model.Value : row.StringOrNull("model"),
                        temperature = change.Temperature ?? row.Double("temperature"),
                        settings = settings.ToJsonString(),
                        now = database.Time(clock.GetUtcNow()),
                    },
                    transaction,
                    cancellationToken: cancellationToken));
                return true;
            }, cancellationToken);
            if (!found)
            {
                return null;
            }
        }
        // The only unique index an update can break is the public key's (0005).
        catch (DbException e) when (change.PublicKey is { Value: { } taken } && UniqueViolation.Is(e))
        {
            throw new AgentPublicKeyTakenException(taken);
        }

        cache.Forget();
        return await catalog.FindByKeyAsync(tenantId, key, cancellationToken);
    }

    private static void Set(JsonObject settings, string name, JsonNode? value)
    {
        if (value is null)
        {
            settings.Remove(name);
        }
        else
        {
            settings[name] = value;
        }
    }
}
