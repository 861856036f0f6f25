using System.Globalization;
using Concierge.Bookings;
using Concierge.Bookings.Store;
using Concierge.Jobs;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace Concierge.Server.Bookings;

/// <summary>
/// The tenant's services, booking policy, availability and bookings for operators. Every route is
/// in one group, so that the operator role can be required with one call. A booking the validator
/// refuses is 422 naming the field with the validator's code; a full slot is 409 <c>slot_full</c>;
/// nothing is written for either. <c>Idempotency-Key</c> makes a retried POST return the booking
/// the first one made.
/// </summary>
public static class BookingsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapBookings(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Bookings").RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapPost("/services", AddServiceAsync).WithSummary("Adds a bookable service: duration, capacity per slot (seats, chefs or tables), party limits, weekly hours and exceptions.");
        group.MapGet("/services", ListServicesAsync).WithSummary("The tenant's services.");
        group.MapGet("/booking-policy", GetPolicyAsync).WithSummary("The tenant's time zone, slot length, lead time and horizon.");
        group.MapPut("/booking-policy", PutPolicyAsync).WithSummary("Sets the tenant's time zone (IANA), slot length, lead time and horizon.");
        group.MapGet("/availability", AvailabilityAsync).WithSummary("Free capacity per slot of a service on a local date, in the tenant's time zone.");
        group.MapPost("/bookings", BookingsEndpoints.CreateAsync).WithSummary("Books a slot: 201, 409 slot_full, or 422 naming the field. Idempotent on the Idempotency-Key header.");
        group.MapGet("/bookings", BookingsEndpoints.ListAsync).WithSummary("The tenant's bookings, optionally on a local date and of a status (booked, cancelled).");
        group.MapGet("/bookings/{id}", BookingsEndpoints.GetAsync).WithSummary("One booking.");
        group.MapPost("/bookings/{id}/cancel", BookingsEndpoints.CancelAsync).WithSummary("Cancels a booking (and its follow-ups).");
        group.MapPost("/bookings/{id}/reschedule", BookingsEndpoints.RescheduleAsync).WithSummary("Moves a booking to a new start, re-checking capacity there (and moves its follow-ups).");
        group.MapGet("/followups", FollowUpsAsync).WithSummary("The tenant's booking follow-ups (reminders, thank-yous), optionally by state: scheduled, sent, cancelled, failed.");
        return group;
    }

    private static async Task<Results<Ok<FollowUpList>, ProblemHttpResult>> FollowUpsAsync(
        IJobStore jobs, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken, string? state = null)
    {
        JobState[]? states = state switch
        {
            null or "" => null,
            "scheduled" => [JobState.Queued, JobState.Running],
            "sent" => [JobState.Done],
            "cancelled" => [JobState.Cancelled],
            "failed" => [JobState.Dead],
            _ => [],
        };
        if (states is [])
        {
            return Refuse(http, new("state", "invalid_state", "Query parameter 'state' must be scheduled, sent, cancelled or failed."));
        }

        var found = new List<Job>();
        foreach (var one in states?.Select(s => (JobState?)s) ?? [null])
        {
            found.AddRange(await jobs.ListAsync(tenant.Id, one, JobKinds.FollowUpSend, null, 500, cancellationToken));
        }

        return TypedResults.Ok(new FollowUpList([.. found.OrderBy(j => j.RunAt).ThenBy(j => j.Id).Select(FollowUpView.From)]));
    }

    private static async Task<Results<Created<ServiceView>, ProblemHttpResult>> AddServiceAsync(
        ServiceRequest request, IBookingStore store, RequestTenant tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (service, error) = ServiceReader.Read(request, tenant.Id, clock.GetUtcNow());
        if (error is not null)
        {
            return Refuse(http, error);
        }

        return await store.AddServiceAsync(service!, cancellationToken) is { } added
            ? TypedResults.Created($"/api/v1/services/{added.Service.Key}", ServiceView.From(added))
            : Problem(http, BookingProblems.ServiceExists, $"A service '{request.Key}' exists already.", "key");
    }

    private static async Task<Ok<ServiceList>> ListServicesAsync(IBookingStore store, RequestTenant tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ServiceList([.. (await store.ListServicesAsync(tenant.Id, cancellationToken)).Select(ServiceView.From)]));

    private static async Task<Ok<PolicyView>> GetPolicyAsync(IBookingStore store, RequestTenant tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok(PolicyView.From(await store.GetPolicyAsync(tenant.Id, cancellationToken)));

    private static async Task<Results<Ok<PolicyView>, ProblemHttpResult>> PutPolicyAsync(
        PolicyRequest request, IBookingStore store, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (TenantZones.Find(request.TimeZone) is null)
        {
            return Refuse(http, new("time_zone", BookingErrorCodes.UnknownTimeZone, "'time_zone' must be an IANA time zone (\"America/New_York\")."));
        }

        if (request.SlotMinutes is not (>= 5 and <= 1440) || request.LeadTimeMinutes is < 0 or > 60 * 24 * 60 || request.HorizonDays is < 0 or > 3650)
        {
            return Refuse(http, new("slot_minutes", "out_of_range", "slot_minutes must be 5-1440, lead_time_minutes 0-86400, horizon_days 0-3650."));
        }

        var policy = new BookingPolicy(
            request.TimeZone!.Trim(), TimeSpan.FromMinutes(request.SlotMinutes.Value), TimeSpan.FromMinutes(request.LeadTimeMinutes ?? 0), TimeSpan.FromDays(request.HorizonDays ?? 90));
        await store.SavePolicyAsync(tenant.Id, policy, cancellationToken);
        return TypedResults.Ok(PolicyView.From(policy));
    }

    private static async Task<Results<Ok<AvailabilityView>, ProblemHttpResult>> AvailabilityAsync(
        IBookingStore store, RequestTenant tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken, string? service = null, string? date = null)
    {
        if (string.IsNullOrWhiteSpace(service))
        {
            return Refuse(http, new("service", "required", "Query parameter 'service' (a service key) is required."));
        }

        var found = await store.FindServiceByKeyAsync(tenant.Id, service, cancellationToken);
        if (found is null)
        {
            return Problem(http, BookingProblems.ServiceNotFound, $"The tenant has no service '{Shorten(service)}'.", "service");
        }

        var policy = await store.GetPolicyAsync(tenant.Id, cancellationToken);
        if (policy.FindZone() is not { } zone)
        {
            return Refuse(http, new("time_zone", BookingErrorCodes.UnknownTimeZone, $"The tenant's time zone '{policy.TimeZoneId}' is not an IANA zone."));
        }

        var now = clock.GetUtcNow();
        LocalDate day;
        if (string.IsNullOrEmpty(date))
        {
            day = TenantZones.Today(zone, now);
        }
        else if (LocalDatePattern.Iso.Parse(date) is { Success: true } parsed)
        {
            day = parsed.Value;
        }
        else
        {
            return Refuse(http, new("date", BookingErrorCodes.ImpossibleDate, $"'{Shorten(date)}' is not a calendar date (yyyy-MM-dd)."));
        }

        var from = TenantZones.ToUtcLenient(zone, day.AtMidnight());
        var to = TenantZones.ToUtcLenient(zone, day.PlusDays(1).AtMidnight()) + found.Service.Duration;
        var parties = await store.BookedPartiesAsync(tenant.Id, found.Service.Id, from, to, cancellationToken);
        var slots = new Availability(found.Service, policy, found.Hours).SlotsOn(day, parties, now);
        return TypedResults.Ok(new AvailabilityView(
            found.Service.Key,
            LocalDatePattern.Iso.Format(day),
            zone.Id,
            found.Service.Unit.ToString().ToLowerInvariant(),
            found.Hours.IsClosedOn(day),
            [.. slots.Select(s => new SlotView(BookingView.InZone(s.Start, zone), s.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture), s.Capacity, s.Used, s.Free, Wire(s.Status)))]));
    }

    internal static string Wire(SlotStatus status) => status switch
    {
        SlotStatus.TooSoon => "too_soon",
        SlotStatus.BeyondHorizon => "beyond_horizon",
        SlotStatus.OutsideHours => "outside_hours",
        _ => status.ToString().ToLowerInvariant(),
    };

    internal static ProblemHttpResult Refuse(HttpContext http, BookingRequestError error, IReadOnlyList<BookingRequestError>? all = null)
    {
        var details = ProblemWriter.Create(http, BookingProblems.Unprocessable(error.Code), error.Detail, error.Field);
        details.Extensions["errors"] = (all ?? [error]).Select(e => new Dictionary<string, string> { ["field"] = e.Field, ["code"] = e.Code, ["detail"] = e.Detail }).ToList();
        return TypedResults.Problem(details);
    }

    internal static ProblemHttpResult Problem(HttpContext http, Problem problem, string detail, string? field = null) =>
        TypedResults.Problem(ProblemWriter.Create(http, problem, detail, field));

    internal static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
