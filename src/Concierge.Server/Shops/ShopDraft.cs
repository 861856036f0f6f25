using System.Text.Json.Nodes;
using Concierge.Shops;

namespace Concierge.Server.Shops;

/// <summary>
/// A shop as a request or a CSV row gives it: every field optional (absent = keep on update), with
/// <see cref="Present"/> telling an explicit null (clear) from an absent member.
/// </summary>
public sealed record ShopDraft
{
    public string? Slug { get; init; }
    public string? Name { get; init; }
    public string? Category { get; init; }
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Phone { get; init; }
    public string? Hours { get; init; }
    public string? AgentKey { get; init; }

    /// <summary>The tenant's service keys the shop's new agent books (only when the shop gets its own agent).</summary>
    public IReadOnlyList<string>? Services { get; init; }

    public IReadOnlySet<string> Present { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool Has(string field) => Present.Contains(field);

    public static readonly string[] Fields = ["slug", "name", "category", "address", "latitude", "longitude", "phone", "hours", "agent_key", "services"];

    public static ShopDraft From(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Select(p => p.Key).FirstOrDefault(k => !Fields.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw new ShopInputException(unknown.Length > 64 ? unknown[..64] : unknown, $"'{(unknown.Length > 64 ? unknown[..64] : unknown)}' is not a shop field; the fields are {string.Join(", ", Fields)}.");
        }

        return new ShopDraft
        {
            Slug = JsonBody.String(body, "slug"),
            Name = JsonBody.String(body, "name"),
            Category = JsonBody.String(body, "category"),
            Address = JsonBody.String(body, "address"),
            Latitude = JsonBody.Number(body, "latitude"),
            Longitude = JsonBody.Number(body, "longitude"),
            Phone = JsonBody.String(body, "phone"),
            Hours = JsonBody.String(body, "hours"),
            AgentKey = JsonBody.String(body, "agent_key"),
            Services = JsonBody.Strings(body, "services", 50),
            Present = body.Select(p => p.Key).ToHashSet(StringComparer.Ordinal),
        };
    }
}
