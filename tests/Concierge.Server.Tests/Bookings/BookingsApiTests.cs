using System.Net;
using Concierge.Bookings;
using Concierge.Bookings.Store;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Bookings;

/// <summary>The bookings API on both databases: booking, refusing with the field named, idempotency, cancel and reschedule.</summary>
public sealed class BookingsApiTests
{
    private static readonly Guid OtherTenantId = Guid.Parse("00000000-0000-7000-8000-0000000000b2");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_booking_takes_seats_that_availability_then_shows_as_used(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var client = app.OperatorClient();
        await BookingSetup.ServiceAsync(client);

        using var created = await client.PostAsync("/api/v1/bookings", BookingSetup.Booking($"{BookingSetup.Tomorrow}T19:00", party: 4));
        var booking = await created.ReadObjectAsync();
        var slots = (await client.GetJsonAsync($"/api/v1/availability?service=dinner&date={BookingSetup.Tomorrow}"))["slots"]!.AsArray();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/bookings/{booking["id"]}", created.Headers.Location?.OriginalString);
        Assert.Equal("booked", (string?)booking["status"]);
        Assert.Equal("+12125550143", (string?)booking["contact"]);
        var seven = slots.Single(s => (string?)s!["local_time"] == "19:00")!;
        Assert.Equal(6, (int)seven["free"]!);
        Assert.Equal(10, (int)slots.Single(s => (string?)s!["local_time"] == "20:00")!["free"]!);
        Assert.Equal(24, slots.Count);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_retry_with_the_same_idempotency_key_gets_the_same_booking(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var client = app.OperatorClient();
        await BookingSetup.ServiceAsync(client);

        string? first = null;
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = BookingSetup.Booking($"{BookingSetup.Tomorrow}T12:00") };
            request.Headers.Add("Idempotency-Key", "order-7781");
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (string?)(await response.ReadObjectAsync())["id"];
            first ??= id;
            Assert.Equal(first, id);
        }

        var all = (await client.GetJsonAsync("/api/v1/bookings"))["bookings"]!.AsArray();
        Assert.Single(all);
    }

    [Theory]
    [InlineData("past date", "2020-01-10T12:00", 2, "start", "in_past")]
    [InlineData("31 February", "2027-02-31T12:00", 2, "start", "impossible_date")]
    [InlineData("25 o'clock", "2027-01-10T25:00", 2, "start", "impossible_time")]
    [InlineData("words for a time", "tomorrow at seven", 2, "start", "malformed_start")]
    [InlineData("party of zero", "TOMORROW", 0, "party_size", "too_small")]
    [InlineData("party over the limit", "TOMORROW", 9, "party_size", "too_large")]
    [InlineData("closed day", "CLOSED", 2, "start", "closed")]
    [InlineData("beyond the horizon", "2099-01-10T12:00", 2, "start", "too_far_ahead")]
    [InlineData("off the slot grid", "TOMORROW_ODD", 2, "start", "not_a_slot_start")]
    public async Task A_request_that_cannot_be_booked_is_422_naming_the_field_and_writes_nothing(string why, string start, int party, string field, string code)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        await BookingSetup.ServiceAsync(client, closed: [BookingSetup.InDays(3)]);
        start = start switch
        {
            "TOMORROW" => $"{BookingSetup.Tomorrow}T12:00",
            "TOMORROW_ODD" => $"{BookingSetup.Tomorrow}T12:30",
            "CLOSED" => $"{BookingSetup.InDays(3)}T12:00",
            _ => start,
        };

        using var response = await client.PostAsync("/api/v1/bookings", BookingSetup.Booking(start, party));

        await BookingSetup.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, code, field);
        Assert.Empty((await client.GetJsonAsync("/api/v1/bookings"))["bookings"]!.AsArray());
        Assert.NotNull(why);
    }

    [Fact]
    public async Task A_start_inside_the_lead_time_an_unknown_zone_a_bad_contact_and_an_unknown_service_are_each_named()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        await BookingSetup.ServiceAsync(client);
        var soon = DateTime.UtcNow.AddMinutes(30);
        var soonText = $"{soon:yyyy-MM-dd}T{soon:HH}:00";

        using var tooSoon = await client.PostAsync("/api/v1/bookings", BookingSetup.Booking(soonText));
        using var zone = await client.PostAsync("/api/v1/bookings", BookingSetup.Booking($"{BookingSetup.Tomorrow}T12:00", extra: ""","time_zone":"Mars/Olympus" """));
        using var contact = await client.PostAsync("/api/v1/bookings", Json.Body($$"""{"service":"dinner","start":"{{BookingSetup.Tomorrow}}T12:00","party_size":2,"name":"Ana","contact":"12"}"""));
        using var unknown = await client.PostAsync("/api/v1/bookings", BookingSetup.Booking($"{BookingSetup.Tomorrow}T12:00", service: "karaoke"));

        var code = (string?)(await tooSoon.ReadObjectAsync())["code"];
        Assert.True(code is "before_lead_time" or "in_past", code);
        await BookingSetup.ProblemAsync(zone, HttpStatusCode.UnprocessableEntity, "unknown_time_zone", "time_zone");
        await BookingSetup.ProblemAsync(contact, HttpStatusCode.UnprocessableEntity, "invalid_contact", "contact");
        await BookingSetup.ProblemAsync(unknown, HttpStatusCode.UnprocessableEntity, "unknown_service", "service");
    }

    [Fact]
    public async Task Another_tenants_service_cannot_be_booked_or_seen()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        await app.Services.GetRequiredService<TenantSeeder>().EnsureAsync(OtherTenantId, "Other", [], Ct);
        var store = app.Services.GetRequiredService<IBookingStore>();
        var theirs = new Service(Guid.CreateVersion7(), OtherTenantId, "secret", "Secret", TimeSpan.FromHours(1), 5, CapacityUnit.Seats, 1, 5);
        await store.AddServiceAsync(new BookableService(theirs, OpeningHours.Closed.With(OpeningHours.EveryDay, OpeningInterval.Parse("00:00", "00:00"))), Ct);

        using var booked = await client.PostAsync("/api/v1/bookings", BookingSetup.Booking($"{BookingSetup.Tomorrow}T12:00", service: "secret"));
        using var availability = await client.GetAsync("/api/v1/availability?service=secret", Ct);

        await BookingSetup.ProblemAsync(booked, HttpStatusCode.UnprocessableEntity, "unknown_service", "service");
        await BookingSetup.ProblemAsync(availability, HttpStatusCode.NotFound, "service_not_found", "service");
        Assert.DoesNotContain("secret", (await client.GetJsonAsync("/api/v1/services"))["services"]!.AsArray().Select(s => (string?)s!["key"]));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_booking_can_be_moved_to_a_free_slot_but_not_a_full_one_and_then_cancelled(DatabaseKind kind)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(kind));
        var client = app.OperatorClient();
        await BookingSetup.ServiceAsync(client, capacity: 4, maxParty: 4);
        var id = (string?)(await client.PostJsonAsync("/api/v1/bookings", new { service = "dinner", start = $"{BookingSetup.Tomorrow}T12:00", party_size = 2, name = "Ana", contact = "ana@example.com" }))["id"];
        await client.PostJsonAsync("/api/v1/bookings", new { service = "dinner", start = $"{BookingSetup.Tomorrow}T14:00", party_size = 4, name = "Bo", contact = "bo@example.com" });

        using var full = await client.PostAsync($"/api/v1/bookings/{id}/reschedule", Json.Body($$"""{"start":"{{BookingSetup.Tomorrow}}T14:00"}"""));
        var moved = await client.PostJsonAsync($"/api/v1/bookings/{id}/reschedule", new { start = $"{BookingSetup.Tomorrow}T13:00" });
        var cancelled = await client.PostJsonAsync($"/api/v1/bookings/{id}/cancel", new { });
        using var again = await client.PostAsync($"/api/v1/bookings/{id}/reschedule", Json.Body($$"""{"start":"{{BookingSetup.Tomorrow}}T15:00"}"""));
        var listed = await client.GetJsonAsync($"/api/v1/bookings?date={BookingSetup.Tomorrow}&status=cancelled");

        await BookingSetup.ProblemAsync(full, HttpStatusCode.Conflict, "slot_full", "start");
        Assert.Equal(13, ((DateTimeOffset)moved["start"]!).Hour);
        Assert.Equal("cancelled", (string?)cancelled["status"]);
        await BookingSetup.ProblemAsync(again, HttpStatusCode.Conflict, "booking_cancelled");
        Assert.Equal([id], listed["bookings"]!.AsArray().Select(b => (string?)b!["id"]));
    }
}
