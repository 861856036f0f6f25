using Concierge.Conversations;

namespace Concierge.Safety;

/// <summary>
/// The crisis-mode rule. A detection puts the session in crisis mode (and keeps it there); while in
/// it, every turn is a supportive one. A calm exchange ends it: <see cref="CalmTurnsToEnd"/> user
/// messages in a row with no crisis and no cue at all (no distress, means, action or farewell
/// words). The message that completes the run is answered by the skill again. A new cue restarts
/// the count.
/// </summary>
public static class CrisisMode
{
    public const int CalmTurnsToEnd = 3;

    /// <summary>The session's crisis fields after this message's verdict.</summary>
    public static Session Next(Session session, SafetyVerdict verdict, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.IsCrisis)
        {
            return session with { CrisisSince = session.CrisisSince ?? now, CrisisCalmTurns = 0 };
        }

        if (session.CrisisSince is null)
        {
            return session;
        }

        var calm = verdict.HasCue ? 0 : session.CrisisCalmTurns + 1;
        return calm >= CalmTurnsToEnd
            ? session with { CrisisSince = null, CrisisCalmTurns = 0 }
            : session with { CrisisCalmTurns = calm };
    }
}
