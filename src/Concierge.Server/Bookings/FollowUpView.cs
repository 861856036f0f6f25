using Concierge.Bookings.Store;
using Concierge.Jobs;

namespace Concierge.Server.Bookings;

/// <summary>A booking's follow-up as operators see it: its job, in follow-up words (scheduled, sent, cancelled, failed).</summary>
public sealed record FollowUpView(Guid Id, string Type, string? BookingId, Guid? SessionId, string State, DateTimeOffset RunAt, DateTimeOffset? SentAt, int Attempts, string? LastError)
{
    public static FollowUpView From(Job job) => new(
        job.Id,
        (string?)job.Payload[FollowUpJobs.TypeField] ?? FollowUpJobs.Reminder,
        (string?)job.Payload[FollowUpJobs.BookingIdField],
        job.SessionId,
        StateOf(job.State),
        job.RunAt,
        job.State == JobState.Done ? job.FinishedAt : null,
        job.Attempts,
        job.LastError);

    public static string StateOf(JobState state) => state switch
    {
        JobState.Queued or JobState.Running => "scheduled",
        JobState.Done => "sent",
        JobState.Cancelled => "cancelled",
        _ => "failed",
    };
}
