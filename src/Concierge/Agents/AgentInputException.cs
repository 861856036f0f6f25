namespace Concierge.Agents;

/// <summary>An agent field has a value that cannot be stored; names the field.</summary>
public sealed class AgentInputException(string field, string detail) : Exception(detail)
{
    public string Field { get; } = field;
}

/// <summary>Another agent (of any tenant) already answers to this public key.</summary>
public sealed class AgentPublicKeyTakenException(string publicKey) : Exception($"Public key '{publicKey}' is already another agent's.")
{
    public string PublicKey { get; } = publicKey;
}
