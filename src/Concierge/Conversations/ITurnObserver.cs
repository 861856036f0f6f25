namespace Concierge.Conversations;

/// <summary>
/// Watches a turn while it runs, for channels that stream: the reply's pieces as the phrase step
/// produces them. The turn does not wait on a slow observer beyond its own buffer, and an observer
/// that fails (the client went away) does not stop the turn: it still commits whole.
/// </summary>
public interface ITurnObserver
{
    /// <summary>The next piece of the reply.</summary>
    ValueTask OnDeltaAsync(string text);

    /// <summary>
    /// What was streamed so far is void (the model's stream broke and the fallback answers, or the
    /// turn lost a commit race and runs again); the deltas that follow are the whole reply.
    /// </summary>
    ValueTask OnRestartAsync();
}
