namespace Concierge.Conversations;

/// <summary>
/// Work that follows a committed turn in another feature (e.g. recording a FINAL template in the
/// tenant's template list). It runs after the commit, before the reply is sent; a failure is
/// logged and does not undo the turn, which is already durable.
/// </summary>
public interface ITurnListener
{
    Task OnCommittedAsync(TurnResult turn, CancellationToken cancellationToken);
}
