using System.Data.Common;
using System.Text.Json.Nodes;
using Concierge.Bookings.Store;
using Concierge.Jobs;
using Dapper;

namespace Concierge.Storage.Bookings;

/// <summary>
/// Runs followup.send: appends the reminder (or thank-you) as an assistant message to the
/// customer's session, with a <c>followup_sent</c> event, in one transaction. The message's id is
/// the job's, so a job that runs twice (a claim that expired mid-run) delivers once: the second
/// insert finds the id taken and rolls back. A session in the middle of a turn is retried later.
/// A cancelled booking, or one with no conversation to write to, sends nothing. When the session is
/// a WhatsApp or Twilio conversation, the same transaction queues the message's delivery there
/// (channel.send, with the 24-hour window rule).
/// </summary>
public sealed class FollowUpSendHandler(Database database, SqlBookingStore bookings, Channels.SqlChannelStore channels, TimeProvider clock) : IJobHandler
{
    public const string SentEvent = "followup_sent";

    public string Kind => JobKinds.FollowUpSend;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = (string?)context.Payload[FollowUpJobs.TypeField] ?? FollowUpJobs.Reminder;
        if (!Guid.TryParse((string?)context.Payload[FollowUpJobs.BookingIdField], out var bookingId))
        {
            throw new PermanentJobFailure("The payload has no booking id.");
        }

        var booking = await bookings.FindAsync(context.TenantId, bookingId, cancellationToken);
        if (booking is not { Status: BookingStatus.Booked })
        {
            return;
        }

        var sessionId = booking.SessionId ?? await CustomerSessionAsync(context.TenantId, booking.CustomerId, cancellationToken);
        if (sessionId is null)
        {
            return;
        }

        var zone = (await bookings.GetPolicyAsync(context.TenantId, cancellationToken)).FindZone() ?? NodaTime.DateTimeZone.Utc;
        var text = FollowUpText.Write(type, booking, zone);
        try
        {
            await database.WriteAsync((c, t) => DeliverAsync(c, t, context, sessionId.Value, booking, type, text, cancellationToken), cancellationToken);
        }
        catch (AlreadyDelivered)
        {
        }
    }

    private async Task DeliverAsync(
        DbConnection connection, DbTransaction transaction, JobContext context, Guid sessionId, Booking booking, string type, string text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (tenantId, id) = (database.Id(context.TenantId), database.Id(sessionId));

        // Bumping the version makes a turn that read the session before this conflict and retry, so
        // its commit never overwrites the count this message takes.
        var seq = await connection.QueryRowAsync(new CommandDefinition(
            "UPDATE sessions SET message_count = message_count + 1, version = version + 1, updated_at = @now "
            + "WHERE tenant_id = @tenantId AND id = @id AND (lease_until IS NULL OR lease_until < @now) RETURNING message_count",
            new { now = database.Time(now), tenantId, id },
            transaction,
            cancellationToken: cancellationToken));
        if (seq is not { } row)
        {
            throw new InvalidOperationException($"Session {sessionId} is answering a message or is gone; the follow-up is retried.");
        }

        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO messages (id, tenant_id, session_id, seq, role, content, tokens, created_at) "
            + "VALUES (@messageId, @tenantId, @id, @seq, 'assistant', @text, NULL, @now) ON CONFLICT DO NOTHING",
            new { messageId = database.Id(context.JobId), tenantId, id, seq = row.Int("message_count"), text, now = database.Time(now) },
            transaction,
            cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            throw new AlreadyDelivered();
        }

        var onChannel = await channels.QueueForSessionAsync(connection, transaction, context.TenantId, sessionId, context.JobId, text, cancellationToken);
        var data = new JsonObject { ["job_id"] = context.JobId.ToString(), ["booking_id"] = booking.Id.ToString(), ["type"] = type, ["channel"] = onChannel };
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO events (id, tenant_id, session_id, name, data, created_at) VALUES (@eventId, @tenantId, @id, @name, {database.Json("data")}, @now)",
            new { eventId = database.Id(Guid.CreateVersion7(now)), tenantId, id, name = SentEvent, data = data.ToJsonString(), now = database.Time(now) },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>A booking made over the API has no session: the customer's latest conversation with the tenant gets it.</summary>
    private async Task<Guid?> CustomerSessionAsync(Guid tenantId, string? customerId, CancellationToken cancellationToken)
    {
        if (customerId is null)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT id FROM sessions WHERE tenant_id = @tenantId AND customer_id = @customerId ORDER BY updated_at DESC LIMIT 1",
            new { tenantId = database.Id(tenantId), customerId },
            cancellationToken: cancellationToken));
        return row?.Guid("id");
    }

    private sealed class AlreadyDelivered : Exception;
}
