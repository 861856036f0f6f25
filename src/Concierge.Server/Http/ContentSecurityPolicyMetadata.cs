namespace Concierge.Server.Http;

/// <summary>Endpoint metadata: the Content-Security-Policy of a route that serves a page (the API keeps default-src 'none').</summary>
public sealed record ContentSecurityPolicyMetadata(string Policy);
