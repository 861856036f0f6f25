using System.Data.Common;
using Concierge.Bookings;
using Concierge.Bookings.Store;
using Dapper;

namespace Concierge.Storage.Bookings;

/// <summary>
/// <see cref="IBookingStore"/> over the services, booking_policies and bookings tables, the same
/// statements for SQLite and PostgreSQL. This part is the catalogue and the reads; the writes that
/// take capacity are in SqlBookingStore.Writes.cs.
/// </summary>
public sealed partial class SqlBookingStore(Database database, TimeProvider clock, FollowUpOptions? followUps = null) : IBookingStore
{
    private const string ServiceColumns =
        "id, tenant_id, key, name, duration_minutes, capacity, unit, min_party, max_party, hours";

    private const string BookingColumns =
        "b.id, b.tenant_id, b.service_id, s.key AS service_key, s.name AS service_name, b.start_at, b.end_at, b.party_size, "
        + "b.name, b.contact, b.customer_id, b.session_id, b.status, b.idempotency_key, b.created_at, b.updated_at";

    private const string BookingFrom = "FROM bookings b JOIN services s ON s.tenant_id = b.tenant_id AND s.id = b.service_id";

    private readonly Database _db = database;
    private readonly FollowUpOptions _followUps = followUps ?? new FollowUpOptions();

    public async Task<BookingPolicy> GetPolicyAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        return await GetPolicyAsync(connection, null, tenantId, cancellationToken);
    }

    public Task SavePolicyAsync(Guid tenantId, BookingPolicy policy, CancellationToken cancellationToken) =>
        _db.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO booking_policies (tenant_id, time_zone, slot_minutes, lead_minutes, horizon_days, updated_at) "
                + "VALUES (@tenantId, @zone, @slot, @lead, @horizon, @now) ON CONFLICT (tenant_id) DO UPDATE SET "
                + "time_zone = excluded.time_zone, slot_minutes = excluded.slot_minutes, lead_minutes = excluded.lead_minutes, "
                + "horizon_days = excluded.horizon_days, updated_at = excluded.updated_at",
                new
                {
                    tenantId = _db.Id(tenantId),
                    zone = policy.TimeZoneId,
                    slot = (int)policy.SlotLength.TotalMinutes,
                    lead = (int)policy.LeadTime.TotalMinutes,
                    horizon = (int)policy.Horizon.TotalDays,
                    now = _db.Time(clock.GetUtcNow()),
                },
                cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<BookableService?> AddServiceAsync(BookableService service, CancellationToken cancellationToken)
    {
        var s = service.Service;
        var now = _db.Time(clock.GetUtcNow());
        var inserted = await _db.WriteStatementAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO services ({ServiceColumns}, created_at, updated_at) VALUES (@id, @tenantId, @key, @name, @duration, @capacity, @unit, "
                + $"@minParty, @maxParty, {_db.Json("hours")}, @now, @now) ON CONFLICT DO NOTHING",
                new
                {
                    id = _db.Id(s.Id),
                    tenantId = _db.Id(s.TenantId),
                    key = s.Key,
                    name = s.Name,
                    duration = (int)s.Duration.TotalMinutes,
                    capacity = s.CapacityPerSlot,
                    unit = s.Unit.ToString().ToLowerInvariant(),
                    minParty = s.MinPartySize,
                    maxParty = s.MaxPartySize,
                    hours = HoursJson.Write(service.Hours),
                    now,
                },
                cancellationToken: cancellationToken)),
            cancellationToken);
        return inserted == 0 ? null : service;
    }

    public async Task<IReadOnlyList<BookableService>> ListServicesAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {ServiceColumns} FROM services WHERE tenant_id = @tenantId ORDER BY key",
            new { tenantId = _db.Id(tenantId) },
            cancellationToken: cancellationToken));
        return rows.Select(ReadService).ToList();
    }

    public async Task<BookableService?> FindServiceAsync(Guid tenantId, Guid serviceId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        return await FindServiceAsync(connection, null, tenantId, serviceId, cancellationToken);
    }

    public async Task<BookableService?> FindServiceByKeyAsync(Guid tenantId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {ServiceColumns} FROM services WHERE tenant_id = @tenantId AND key = @key",
            new { tenantId = _db.Id(tenantId), key },
            cancellationToken: cancellationToken));
        return row is { } r ? ReadService(r) : null;
    }

    public async Task<IReadOnlyList<BookedParty>> BookedPartiesAsync(
        Guid tenantId, Guid serviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        return await BookedPartiesAsync(connection, null, tenantId, serviceId, from, to, null, cancellationToken);
    }

    public async Task<Booking?> FindAsync(Guid tenantId, Guid bookingId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, tenantId, bookingId, cancellationToken);
    }

    public async Task<IReadOnlyList<Booking>> ListAsync(Guid tenantId, BookingQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        // Filters are added to the text rather than as "@p IS NULL OR ...": PostgreSQL cannot type a null parameter.
        var sql = $"SELECT {BookingColumns} {BookingFrom} WHERE b.tenant_id = @tenantId AND b.start_at >= @from AND b.start_at < @to"
            + (query.Status is null ? string.Empty : " AND b.status = @status")
            + (query.ServiceId is null ? string.Empty : " AND b.service_id = @serviceId")
            + " ORDER BY b.start_at, b.id";
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            sql,
            new
            {
                tenantId = _db.Id(tenantId),
                from = _db.Time(query.From),
                to = _db.Time(query.To),
                status = query.Status is { } status ? Wire(status) : null,
                serviceId = _db.Id(query.ServiceId),
            },
            cancellationToken: cancellationToken));
        return rows.Select(ReadBooking).ToList();
    }

    public async Task<IReadOnlyList<Booking>> UpcomingForContactAsync(
        Guid tenantId, string? contact, string? customerId, DateTimeOffset after, CancellationToken cancellationToken)
    {
        if (contact is null && customerId is null)
        {
            return [];
        }

        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {BookingColumns} {BookingFrom} WHERE b.tenant_id = @tenantId AND b.status = 'booked' AND b.start_at >= @after "
            + "AND (b.contact = @contact OR b.customer_id = @customerId) ORDER BY b.start_at, b.id LIMIT 20",
            new { tenantId = _db.Id(tenantId), after = _db.Time(after), contact = contact ?? string.Empty, customerId = customerId ?? string.Empty },
            cancellationToken: cancellationToken));
        return rows.Select(ReadBooking).ToList();
    }

    private async Task<BookingPolicy> GetPolicyAsync(DbConnection connection, DbTransaction? transaction, Guid tenantId, CancellationToken cancellationToken)
    {
        var row = await connection.QueryRowAsync(new CommandDefinition(
            "SELECT time_zone, slot_minutes, lead_minutes, horizon_days FROM booking_policies WHERE tenant_id = @tenantId",
            new { tenantId = _db.Id(tenantId) },
            transaction,
            cancellationToken: cancellationToken));
        return row is { } r
            ? new BookingPolicy(r.String("time_zone"), TimeSpan.FromMinutes(r.Int("slot_minutes")), TimeSpan.FromMinutes(r.Int("lead_minutes")), TimeSpan.FromDays(r.Int("horizon_days")))
            : BookingDefaults.Policy;
    }

    private async Task<BookableService?> FindServiceAsync(DbConnection connection, DbTransaction? transaction, Guid tenantId, Guid serviceId, CancellationToken cancellationToken)
    {
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {ServiceColumns} FROM services WHERE tenant_id = @tenantId AND id = @id",
            new { tenantId = _db.Id(tenantId), id = _db.Id(serviceId) },
            transaction,
            cancellationToken: cancellationToken));
        return row is { } r ? ReadService(r) : null;
    }

    private async Task<Booking?> FindAsync(DbConnection connection, DbTransaction? transaction, Guid tenantId, Guid bookingId, CancellationToken cancellationToken)
    {
        var row = await connection.QueryRowAsync(new CommandDefinition(
            $"SELECT {BookingColumns} {BookingFrom} WHERE b.tenant_id = @tenantId AND b.id = @id",
            new { tenantId = _db.Id(tenantId), id = _db.Id(bookingId) },
            transaction,
            cancellationToken: cancellationToken));
        return row is { } r ? ReadBooking(r) : null;
    }

    private async Task<IReadOnlyList<BookedParty>> BookedPartiesAsync(
        DbConnection connection, DbTransaction? transaction, Guid tenantId, Guid serviceId, DateTimeOffset from, DateTimeOffset to, Guid? except, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryRowsAsync(new CommandDefinition(
            "SELECT start_at, party_size FROM bookings WHERE tenant_id = @tenantId AND service_id = @serviceId AND status = 'booked' "
            + "AND start_at < @to AND end_at > @from" + (except is null ? string.Empty : " AND id <> @except"),
            new { tenantId = _db.Id(tenantId), serviceId = _db.Id(serviceId), from = _db.Time(from), to = _db.Time(to), except = _db.Id(except) },
            transaction,
            cancellationToken: cancellationToken));
        return rows.Select(r => new BookedParty(r.Time("start_at"), r.Int("party_size"))).ToList();
    }

    private static string Wire(BookingStatus status) => status == BookingStatus.Booked ? "booked" : "cancelled";

    private static BookableService ReadService(Row r) => new(
        new Service(
            r.Guid("id"),
            r.Guid("tenant_id"),
            r.String("key"),
            r.String("name"),
            TimeSpan.FromMinutes(r.Int("duration_minutes")),
            r.Int("capacity"),
            Enum.Parse<CapacityUnit>(r.String("unit"), ignoreCase: true),
            r.Int("min_party"),
            r.Int("max_party")),
        HoursJson.Read(r.String("hours")));

    private static Booking ReadBooking(Row r) => new(
        r.Guid("id"),
        r.Guid("tenant_id"),
        r.Guid("service_id"),
        r.String("service_key"),
        r.String("service_name"),
        r.Time("start_at"),
        r.Time("end_at"),
        r.Int("party_size"),
        r.String("name"),
        r.String("contact"),
        r.StringOrNull("customer_id"),
        r.GuidOrNull("session_id"),
        r.String("status") == "booked" ? BookingStatus.Booked : BookingStatus.Cancelled,
        r.StringOrNull("idempotency_key"),
        r.Time("created_at"),
        r.Time("updated_at"));
}
