namespace Concierge.Skills.Bookings;

/// <summary>
/// What the interpreter proposes for a booking turn. Offline it is only the text: the rules need the
/// tenant's services and zone, which the decide step reads through its port, so the reading happens
/// there. From the model it is the slots the model extracted, still strings, checked in decide.
/// </summary>
public sealed record BookingProposal(ProposalSource Source, string Text, ModelBookingSlots? Model = null) : Proposal(Source);
