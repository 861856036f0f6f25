using Concierge.Jobs;
using Concierge.Models;

namespace Concierge.Conversations;

/// <summary>What a turn writes; the claim adds the version and lease it must land on.</summary>
public sealed record TurnWrite(
    Session Session,
    IReadOnlyList<Message> Messages,
    IReadOnlyList<ModelCallLog> ModelCalls,
    IReadOnlyList<DomainEvent> Events,
    IReadOnlyList<Effect> Effects,
    IReadOnlyList<JobRequest> Jobs);
