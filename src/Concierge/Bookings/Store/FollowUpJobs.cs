using System.Text.Json.Nodes;
using Concierge.Jobs;

namespace Concierge.Bookings.Store;

/// <summary>
/// A booking's follow-ups as <see cref="JobKinds.FollowUpSend"/> jobs, one dedup key per booking and
/// type, so cancelling or moving the booking finds them, and a replayed write adds none.
/// </summary>
public static class FollowUpJobs
{
    public const string Reminder = "reminder";
    public const string ThankYou = "thank_you";
    public const string BookingIdField = "booking_id";
    public const string TypeField = "type";

    public static string KeyOf(string type, Guid bookingId) => $"{type}:{bookingId:N}";

    /// <summary>
    /// The jobs of a booking starting at <paramref name="start"/>. A booking made inside the
    /// reminder lead still gets its reminder, at once.
    /// </summary>
    public static IReadOnlyList<JobRequest> For(Guid bookingId, Guid? sessionId, DateTimeOffset start, DateTimeOffset end, FollowUpOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var jobs = new List<JobRequest> { Job(Reminder, bookingId, sessionId, Max(now, start - options.ReminderLead)) };
        if (options.ThankYou)
        {
            jobs.Add(Job(ThankYou, bookingId, sessionId, end + options.ThankYouDelay));
        }

        return jobs;
    }

    /// <summary>When each type runs for a booking moved to <paramref name="start"/>.</summary>
    public static DateTimeOffset RunAt(string type, DateTimeOffset start, DateTimeOffset end, FollowUpOptions options, DateTimeOffset now) =>
        type == Reminder ? Max(now, start - options.ReminderLead) : end + options.ThankYouDelay;

    private static JobRequest Job(string type, Guid bookingId, Guid? sessionId, DateTimeOffset runAt) =>
        new(JobKinds.FollowUpSend, new JsonObject { [BookingIdField] = bookingId.ToString(), [TypeField] = type }, runAt, KeyOf(type, bookingId), sessionId);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
