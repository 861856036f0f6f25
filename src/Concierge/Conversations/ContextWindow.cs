namespace Concierge.Conversations;

/// <summary>Chooses which history a model sees: the newest messages that fit a token budget, whole.</summary>
public static class ContextWindow
{
    /// <summary>
    /// Walks back from the newest message and keeps each one while the budget allows; stops at the
    /// first that does not fit, so the conversation the model sees has no gaps and no half messages.
    /// </summary>
    public static IReadOnlyList<Message> Fit(IReadOnlyList<Message> history, int tokenBudget)
    {
        var kept = 0;
        var used = 0;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var cost = TokenEstimate.Of(history[i].Content);
            if (used + cost > tokenBudget)
            {
                break;
            }

            used += cost;
            kept++;
        }

        return kept == history.Count ? history : history.Skip(history.Count - kept).ToList();
    }
}
