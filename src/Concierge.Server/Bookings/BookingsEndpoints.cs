using System.Globalization;
using Concierge.Bookings;
using Concierge.Bookings.Store;
using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime.Text;

namespace Concierge.Server.Bookings;

/// <summary>The handlers of the bookings routes (<see cref="BookingsApi.MapBookings"/>), kept apart so each file reads alone.</summary>
internal static class BookingsEndpoints
{
    private const int MaxKeyLength = 200;

    public static async Task<Results<Created<BookingView>, ProblemHttpResult>> CreateAsync(
        BookingRequest request,
        [FromHeader(Name = BookingsApi.IdempotencyHeader)] string? idempotencyKey,
        IBookingStore store,
        RequestTenant tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (idempotencyKey is { Length: 0 or > MaxKeyLength })
        {
            return BookingsApi.Refuse(http, new(BookingsApi.IdempotencyHeader, "invalid_idempotency_key", $"The Idempotency-Key header must be 1 to {MaxKeyLength} characters."));
        }

        var missing = new (string Field, bool Absent)[]
        {
            ("service", string.IsNullOrWhiteSpace(request.Service)),
            ("start", string.IsNullOrWhiteSpace(request.Start)),
            ("party_size", request.PartySize is null),
            ("name", string.IsNullOrWhiteSpace(request.Name)),
            ("contact", string.IsNullOrWhiteSpace(request.Contact)),
        }.FirstOrDefault(f => f.Absent).Field;
        if (missing is not null)
        {
            return BookingsApi.Refuse(http, new(missing, "required", $"'{missing}' is required."));
        }

        if (request.Name!.Trim().Length > 200 || request.CustomerId is { Length: > 200 })
        {
            return BookingsApi.Refuse(http, new(request.Name.Trim().Length > 200 ? "name" : "customer_id", "too_long", "Names and customer ids are at most 200 characters."));
        }

        // Another tenant's service is indistinguishable from one that does not exist.
        var found = await store.FindServiceByKeyAsync(tenant.Id, request.Service!.Trim(), cancellationToken);
        if (found is null)
        {
            return BookingsApi.Refuse(http, new("service", "unknown_service", $"The tenant has no service '{BookingsApi.Shorten(request.Service)}'."));
        }

        var policy = await store.GetPolicyAsync(tenant.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var (start, error, all) = BookingStartReader.Read(request.Start, request.TimeZone, request.PartySize!.Value, found, policy, now);
        if (error is not null)
        {
            return BookingsApi.Refuse(http, error, all);
        }

        if (ContactText.Parse(request.Contact) is not { } contact)
        {
            return BookingsApi.Refuse(http, new("contact", "invalid_contact", "'contact' must be an e-mail address or a phone number (E.164, \"+12125550100\")."));
        }

        var booking = new NewBooking(
            Guid.CreateVersion7(now), found.Service.Id, start!.Value, request.PartySize.Value, request.Name.Trim(), contact.Value, request.CustomerId, null, idempotencyKey);
        var result = await store.CreateAsync(tenant.Id, booking, cancellationToken);
        if (result.Outcome == BookingWriteOutcome.Existing)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return Answer(http, result, policy) is { } refused
            ? refused
            : TypedResults.Created($"/api/v1/bookings/{result.Booking!.Id}", BookingView.From(result.Booking, policy.FindZone()!));
    }

    public static async Task<Results<Ok<BookingList>, ProblemHttpResult>> ListAsync(
        IBookingStore store, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken, string? date = null, string? status = null)
    {
        BookingStatus? wanted = status switch
        {
            null or "" => null,
            "booked" => BookingStatus.Booked,
            "cancelled" => BookingStatus.Cancelled,
            _ => (BookingStatus)(-1),
        };
        if ((int?)wanted == -1)
        {
            return BookingsApi.Refuse(http, new("status", "invalid_status", "Query parameter 'status' must be booked or cancelled."));
        }

        var policy = await store.GetPolicyAsync(tenant.Id, cancellationToken);
        var zone = policy.FindZone() ?? NodaTime.DateTimeZone.Utc;
        var query = new BookingQuery(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero), wanted);
        if (!string.IsNullOrEmpty(date))
        {
            if (LocalDatePattern.Iso.Parse(date) is not { Success: true } day)
            {
                return BookingsApi.Refuse(http, new("date", BookingErrorCodes.ImpossibleDate, $"'{BookingsApi.Shorten(date)}' is not a calendar date (yyyy-MM-dd)."));
            }

            query = query with
            {
                From = TenantZones.ToUtcLenient(zone, day.Value.AtMidnight()),
                To = TenantZones.ToUtcLenient(zone, day.Value.PlusDays(1).AtMidnight()),
            };
        }

        var bookings = await store.ListAsync(tenant.Id, query, cancellationToken);
        return TypedResults.Ok(new BookingList([.. bookings.Select(b => BookingView.From(b, zone))]));
    }

    public static async Task<Results<Ok<BookingView>, ProblemHttpResult>> GetAsync(
        string id, IBookingStore store, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var booking = Guid.TryParse(id, CultureInfo.InvariantCulture, out var bookingId) ? await store.FindAsync(tenant.Id, bookingId, cancellationToken) : null;
        return booking is null ? NotFound(http, id) : TypedResults.Ok(BookingView.From(booking, await ZoneAsync(store, tenant, cancellationToken)));
    }

    public static async Task<Results<Ok<BookingView>, ProblemHttpResult>> CancelAsync(
        string id, IBookingStore store, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var booking = Guid.TryParse(id, CultureInfo.InvariantCulture, out var bookingId) ? await store.CancelAsync(tenant.Id, bookingId, cancellationToken) : null;
        return booking is null ? NotFound(http, id) : TypedResults.Ok(BookingView.From(booking, await ZoneAsync(store, tenant, cancellationToken)));
    }

    public static async Task<Results<Ok<BookingView>, ProblemHttpResult>> RescheduleAsync(
        string id, RescheduleRequest request, IBookingStore store, RequestTenant tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var booking = Guid.TryParse(id, CultureInfo.InvariantCulture, out var bookingId) ? await store.FindAsync(tenant.Id, bookingId, cancellationToken) : null;
        if (booking is null || await store.FindServiceAsync(tenant.Id, booking.ServiceId, cancellationToken) is not { } found)
        {
            return NotFound(http, id);
        }

        var policy = await store.GetPolicyAsync(tenant.Id, cancellationToken);
        var (start, error, all) = BookingStartReader.Read(request.Start, request.TimeZone, booking.PartySize, found, policy, clock.GetUtcNow());
        if (error is not null)
        {
            return BookingsApi.Refuse(http, error, all);
        }

        var result = await store.RescheduleAsync(tenant.Id, booking.Id, start!.Value, cancellationToken);
        return Answer(http, result, policy) is { } refused ? refused : TypedResults.Ok(BookingView.From(result.Booking!, policy.FindZone()!));
    }

    /// <summary>The problem for a write that did not happen, or null when it did.</summary>
    private static ProblemHttpResult? Answer(HttpContext http, BookingWriteResult result, BookingPolicy policy) => result.Outcome switch
    {
        BookingWriteOutcome.Written or BookingWriteOutcome.Existing => null,
        BookingWriteOutcome.SlotFull => BookingsApi.Problem(http, BookingProblems.SlotFull, "Another booking took the last room in this slot; GET /api/v1/availability lists the free ones.", "start"),
        BookingWriteOutcome.NotFound when result.Booking is { Status: BookingStatus.Cancelled } =>
            BookingsApi.Problem(http, BookingProblems.BookingCancelled, $"Booking '{result.Booking.Id}' is cancelled and cannot be moved.", "id"),
        BookingWriteOutcome.NotFound => BookingsApi.Problem(http, BookingProblems.BookingNotFound, "The booking or its service no longer exists.", "id"),
        _ => BookingsApi.Refuse(http, new("start", BookingsApi.Wire(result.SlotStatus ?? SlotStatus.OutsideHours), $"The slot is {BookingsApi.Wire(result.SlotStatus ?? SlotStatus.OutsideHours)} now (time zone {policy.TimeZoneId})."))
    };

    private static async Task<NodaTime.DateTimeZone> ZoneAsync(IBookingStore store, RequestTenant tenant, CancellationToken cancellationToken) =>
        (await store.GetPolicyAsync(tenant.Id, cancellationToken)).FindZone() ?? NodaTime.DateTimeZone.Utc;

    private static ProblemHttpResult NotFound(HttpContext http, string id) =>
        BookingsApi.Problem(http, BookingProblems.BookingNotFound, $"Booking '{BookingsApi.Shorten(id)}' does not exist.", "id");
}
