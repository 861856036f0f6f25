namespace Concierge.Server.Shops;

/// <summary>
/// A shop's fields as the OpenAPI document shows them (POST and PATCH /api/v1/shops). The body is
/// read by hand (<see cref="JsonBody"/>, <see cref="ShopDraft"/>) so every wrong field is a 422
/// naming it; this type only makes the document true.
/// </summary>
public sealed record ShopRequest(
    string? Slug,
    string? Name,
    string? Category,
    string? Address,
    double? Latitude,
    double? Longitude,
    string? Phone,
    string? Hours,
    string? AgentKey,
    IReadOnlyList<string>? Services);
