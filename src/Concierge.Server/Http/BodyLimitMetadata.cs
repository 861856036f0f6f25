namespace Concierge.Server.Http;

/// <summary>Endpoint metadata: the largest request body the route takes, instead of Concierge:Http:MaxBodyBytes.</summary>
public sealed record BodyLimitMetadata(long Bytes);
