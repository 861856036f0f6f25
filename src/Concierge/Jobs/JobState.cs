namespace Concierge.Jobs;

/// <summary>Where a job is in its life. Stored and shown as lower-case words (see <see cref="JobStates"/>).</summary>
public enum JobState
{
    /// <summary>Waiting for its run_at; a worker may claim it then.</summary>
    Queued,

    /// <summary>Claimed by a worker until claim_until; an expired claim is claimable again.</summary>
    Running,

    Done,

    /// <summary>Out of attempts, or failed permanently: waits for an operator's retry.</summary>
    Dead,

    /// <summary>Called off before it ran (a follow-up that is no longer wanted).</summary>
    Cancelled,
}
