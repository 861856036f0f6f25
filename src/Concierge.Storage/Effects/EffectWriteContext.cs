using System.Data.Common;
using Concierge.Conversations;

namespace Concierge.Storage.Effects;

/// <summary>The turn's open transaction, handed to each effect writer so that its rows commit with the turn.</summary>
public sealed record EffectWriteContext(
    Database Database,
    DbConnection Connection,
    DbTransaction Transaction,
    Session Session,
    CancellationToken CancellationToken);
