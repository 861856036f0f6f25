namespace Concierge.Server.Tenancy;

/// <summary>Endpoint metadata: anonymous callers reach the public agent (named by X-Agent-Key / ?agent_key=, else the default).</summary>
public sealed class PublicAgentMetadata
{
    public static readonly PublicAgentMetadata Instance = new();
}
