namespace Concierge.Server.Http;

/// <summary>Per-route edge settings: <c>.WithBodyLimit(8 * 1024)</c>, <c>.WithContentSecurityPolicy("default-src 'self'")</c>.</summary>
public static class EdgeExtensions
{
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimitMetadata(bytes));

    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ContentSecurityPolicyMetadata(policy));
}
