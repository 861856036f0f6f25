namespace Concierge.Skills;

/// <summary>Where a proposal came from; the debug log and events record it.</summary>
public enum ProposalSource
{
    Model,
    Offline,
}

/// <summary>An interpreter's suggestion for a turn. Skills define their own kinds and never trust them blindly.</summary>
public abstract record Proposal(ProposalSource Source);
