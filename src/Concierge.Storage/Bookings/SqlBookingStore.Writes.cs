using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Concierge.Bookings;
using Concierge.Bookings.Store;
using Concierge.Jobs;
using Concierge.Storage.Jobs;
using Dapper;

namespace Concierge.Storage.Bookings;

/// <summary>
/// The writes that take capacity. Each runs in one transaction that first becomes the only writer
/// of its service (<see cref="Database.LockForTransactionAsync"/>: SQLite's single writer, a
/// PostgreSQL advisory lock per tenant and service), then counts the live bookings overlapping the
/// new one and inserts only if the domain's count says it fits. The lock is per service, not per
/// slot, because a booking holds its units for the service's duration: a 19:00 and a 20:00 start
/// compete for the same seats at 20:30. The same code runs inside a turn's transaction for the
/// booking skill's effects.
/// </summary>
public sealed partial class SqlBookingStore
{
    public Task<BookingWriteResult> CreateAsync(Guid tenantId, NewBooking booking, CancellationToken cancellationToken) =>
        WithKeyRetryAsync(tenantId, booking.IdempotencyKey, () => _db.WriteAsync(
            (connection, transaction) => CreateAsync(connection, transaction, tenantId, booking, clock.GetUtcNow(), cancellationToken),
            cancellationToken));

    public Task<BookingWriteResult> RescheduleAsync(Guid tenantId, Guid bookingId, DateTimeOffset newStart, CancellationToken cancellationToken) =>
        _db.WriteAsync(
            (connection, transaction) => RescheduleAsync(connection, transaction, tenantId, bookingId, newStart, clock.GetUtcNow(), cancellationToken),
            cancellationToken);

    public Task<Booking?> CancelAsync(Guid tenantId, Guid bookingId, CancellationToken cancellationToken) =>
        _db.WriteAsync(
            (connection, transaction) => CancelAsync(connection, transaction, tenantId, bookingId, clock.GetUtcNow(), cancellationToken),
            cancellationToken);

    internal async Task<BookingWriteResult> CreateAsync(
        DbConnection connection, DbTransaction transaction, Guid tenantId, NewBooking booking, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await FindServiceAsync(connection, transaction, tenantId, booking.ServiceId, cancellationToken);
        if (found is null)
        {
            return new(BookingWriteOutcome.NotFound);
        }

        await _db.LockForTransactionAsync(connection, transaction, LockKey(tenantId, booking.ServiceId), cancellationToken);
        if (booking.IdempotencyKey is { } key && await FindByKeyAsync(connection, transaction, tenantId, key, cancellationToken) is { } existing)
        {
            return new(BookingWriteOutcome.Existing, existing);
        }

        var refusal = await CheckAsync(connection, transaction, tenantId, found, booking.Start, booking.PartySize, null, now, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var service = found.Service;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO bookings (id, tenant_id, service_id, start_at, end_at, party_size, demand, name, contact, customer_id, session_id, "
            + "status, idempotency_key, created_at, updated_at) VALUES (@id, @tenantId, @serviceId, @start, @end, @party, @demand, @name, "
            + "@contact, @customerId, @sessionId, 'booked', @key, @now, @now)",
            new
            {
                id = _db.Id(booking.Id),
                tenantId = _db.Id(tenantId),
                serviceId = _db.Id(service.Id),
                start = _db.Time(booking.Start),
                end = _db.Time(booking.Start + service.Duration),
                party = booking.PartySize,
                demand = service.DemandOf(booking.PartySize),
                name = booking.Name,
                contact = booking.Contact,
                customerId = booking.CustomerId,
                sessionId = _db.Id(booking.SessionId),
                key = booking.IdempotencyKey,
                now = _db.Time(now),
            },
            transaction,
            cancellationToken: cancellationToken));

        // The follow-ups are jobs in this same transaction: they exist exactly when the booking does.
        var jobs = FollowUpJobs.For(booking.Id, booking.SessionId, booking.Start, booking.Start + service.Duration, _followUps, now);
        await JobRows.Append(new SqlBatch(_db), _db, tenantId, jobs, now).ExecuteAsync(connection, transaction, cancellationToken);
        return new(BookingWriteOutcome.Written, await FindAsync(connection, transaction, tenantId, booking.Id, cancellationToken));
    }

    internal async Task<BookingWriteResult> RescheduleAsync(
        DbConnection connection, DbTransaction transaction, Guid tenantId, Guid bookingId, DateTimeOffset newStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var booking = await FindAsync(connection, transaction, tenantId, bookingId, cancellationToken);
        if (booking is not { Status: BookingStatus.Booked })
        {
            return new(BookingWriteOutcome.NotFound, booking);
        }

        var found = (await FindServiceAsync(connection, transaction, tenantId, booking.ServiceId, cancellationToken))!;
        await _db.LockForTransactionAsync(connection, transaction, LockKey(tenantId, booking.ServiceId), cancellationToken);
        var refusal = await CheckAsync(connection, transaction, tenantId, found, newStart, booking.PartySize, bookingId, now, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE bookings SET start_at = @start, end_at = @end, updated_at = @now WHERE tenant_id = @tenantId AND id = @id",
            new { start = _db.Time(newStart), end = _db.Time(newStart + found.Service.Duration), now = _db.Time(now), tenantId = _db.Id(tenantId), id = _db.Id(bookingId) },
            transaction,
            cancellationToken: cancellationToken));

        // A moved booking's follow-ups move with it, queued again even when the old reminder was already sent.
        foreach (var type in new[] { FollowUpJobs.Reminder, FollowUpJobs.ThankYou })
        {
            var runAt = FollowUpJobs.RunAt(type, newStart, newStart + found.Service.Duration, _followUps, now);
            await FollowUpsAsync(
                connection, transaction, "UPDATE jobs SET state = 'queued', run_at = @runAt, attempts = 0, claimed_by = NULL, claim_until = NULL, finished_at = NULL, "
                + "updated_at = @now WHERE state IN ('queued', 'cancelled', 'done', 'dead')", tenantId, type, bookingId, runAt, now, cancellationToken);
        }

        return new(BookingWriteOutcome.Written, await FindAsync(connection, transaction, tenantId, bookingId, cancellationToken));
    }

    internal async Task<Booking?> CancelAsync(
        DbConnection connection, DbTransaction transaction, Guid tenantId, Guid bookingId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE bookings SET status = 'cancelled', updated_at = @now WHERE tenant_id = @tenantId AND id = @id AND status = 'booked'",
            new { now = _db.Time(now), tenantId = _db.Id(tenantId), id = _db.Id(bookingId) },
            transaction,
            cancellationToken: cancellationToken));
        foreach (var type in new[] { FollowUpJobs.Reminder, FollowUpJobs.ThankYou })
        {
            await FollowUpsAsync(
                connection, transaction, "UPDATE jobs SET state = 'cancelled', finished_at = @now, updated_at = @now WHERE state = 'queued'", tenantId, type, bookingId, now, now, cancellationToken);
        }

        return await FindAsync(connection, transaction, tenantId, bookingId, cancellationToken);
    }

    private Task<int> FollowUpsAsync(
        DbConnection connection, DbTransaction transaction, string update, Guid tenantId, string type, Guid bookingId, DateTimeOffset runAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            update + " AND tenant_id = @tenantId AND kind = @kind AND dedup_key = @key",
            new { runAt = _db.Time(runAt), now = _db.Time(now), tenantId = _db.Id(tenantId), kind = JobKinds.FollowUpSend, key = FollowUpJobs.KeyOf(type, bookingId) },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Null when the party fits at <paramref name="start"/> now; else why not. Runs under the service's lock.</summary>
    private async Task<BookingWriteResult?> CheckAsync(
        DbConnection connection, DbTransaction transaction, Guid tenantId, BookableService found, DateTimeOffset start, int partySize, Guid? except, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var service = found.Service;
        var policy = await GetPolicyAsync(connection, transaction, tenantId, cancellationToken);
        var parties = await BookedPartiesAsync(connection, transaction, tenantId, service.Id, start, start + service.Duration, except, cancellationToken);
        var capacity = new Availability(service, policy, found.Hours).CapacityAt(start, parties, now);
        if (capacity.Fits(partySize))
        {
            return null;
        }

        return capacity.Status == SlotStatus.Open && capacity.AcceptsPartyOf(partySize) || capacity.Status == SlotStatus.Full
            ? new(BookingWriteOutcome.SlotFull, SlotStatus: SlotStatus.Full)
            : new(BookingWriteOutcome.Unavailable, SlotStatus: capacity.Status);
    }

    private async Task<Booking?> FindByKeyAsync(DbConnection connection, DbTransaction? transaction, Guid tenantId, string key, CancellationToken cancellationToken)
    {
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {BookingColumns} {BookingFrom} WHERE b.tenant_id = @tenantId AND b.idempotency_key = @key",
            new { tenantId = _db.Id(tenantId), key },
            transaction,
            cancellationToken: cancellationToken));
        return row is { } r ? ReadBooking(r) : null;
    }

    /// <summary>
    /// Two retries with one key for different services hold different locks; the unique index then
    /// refuses the second insert, and the booking the first made is the answer.
    /// </summary>
    private async Task<BookingWriteResult> WithKeyRetryAsync(Guid tenantId, string? key, Func<Task<BookingWriteResult>> write)
    {
        try
        {
            return await write();
        }
        catch (DbException e) when (key is not null && UniqueViolation.Is(e))
        {
            await using var connection = await _db.OpenAsync(CancellationToken.None);
            var existing = await FindByKeyAsync(connection, null, tenantId, key, CancellationToken.None);
            return existing is null ? throw new InvalidOperationException("A booking key was taken and cannot be read back.", e) : new(BookingWriteOutcome.Existing, existing);
        }
    }

    /// <summary>A stable 64-bit key for (tenant, service), the same in every process.</summary>
    private static long LockKey(Guid tenantId, Guid serviceId) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.ASCII.GetBytes($"booking:{tenantId:N}:{serviceId:N}")), 0);
}
