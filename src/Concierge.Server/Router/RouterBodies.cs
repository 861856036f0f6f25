namespace Concierge.Server.Router;

/// <summary>The <c>POST /router/search-by-location</c> body as the OpenAPI document shows it; <see cref="RouterSearchRequest.From"/> reads it.</summary>
public sealed record RouterSearchBody(double? Latitude, double? Longitude, double? RadiusMiles, double? RadiusKm, string? Category, int? Limit);

/// <summary>The <c>POST /router/delegate</c> body as the OpenAPI document shows it; the handler reads it field by field.</summary>
public sealed record RouterDelegateBody(string? ShopSlug, string? SearchId, string? CustomerName, string? Intent, string? Context);
