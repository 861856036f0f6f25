using Concierge.Tenants;

namespace Concierge.Server.Accounts;

/// <summary>Endpoint metadata that says the least role a route needs; the OpenAPI document and the test matrix read it.</summary>
public sealed record AccessMetadata(Role Role);
