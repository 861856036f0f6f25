namespace Concierge.Tenants;

/// <summary>A business: owns agents, users, keys and all data. The slug names it in commands and URLs.</summary>
public sealed record Tenant(Guid Id, string Slug, string Name, DateTimeOffset CreatedAt);
