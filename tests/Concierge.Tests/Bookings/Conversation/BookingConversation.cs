using Concierge.Bookings;
using Concierge.Bookings.Conversation;
using Concierge.Bookings.Reading;
using NodaTime;

namespace Concierge.Tests.Bookings.Conversation;

/// <summary>
/// A booking conversation as the skill will run it: read the message, decide, and commit the effects
/// the way the skill will after the decision. Wednesday 4 March 2026, 12:00 in Santiago.
/// </summary>
internal sealed class BookingConversation
{
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);

    public static readonly Service Dinner = new(Guid.NewGuid(), Guid.NewGuid(), "cena", "Cena", TimeSpan.FromHours(2), 20, CapacityUnit.Seats, 1, 8);

    private static readonly BookingPolicy Policy = new("America/Santiago", TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(30));

    private static readonly OpeningHours Hours = new OpeningHours()
        .With([IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], OpeningInterval.Parse("19:00", "23:00"));

    /// <param name="service">The one bookable service (<see cref="Dinner"/> when null).</param>
    public BookingConversation(string language = "es", bool serviceKnown = true, Service? service = null)
    {
        Service = service ?? Dinner;
        Store = new(Service, Policy, Hours, Now);
        State = BookingState.Start(Policy.TimeZoneId, language, serviceKnown ? Service : null);
    }

    public Service Service { get; }

    public InMemoryBookingPorts Store { get; }

    public BookingState State { get; private set; }

    public BookingDecision? Last { get; private set; }

    /// <summary>The reply the customer sees: after a commit for decisions with effects.</summary>
    public string Reply => BookingReplies.Write(Last!);

    public async Task<BookingDecision> SayAsync(string text)
    {
        var context = new BookingReadContext(Now, Policy.TimeZoneId, "es-CL", State.Language, State.Pending, [Service]);
        var decision = await BookingDecider.DecideAsync(State, BookingSlotReader.Read(text, context), Store, Now, TestContext.Current.CancellationToken);
        Last = decision;
        State = decision.State;
        return decision;
    }

    public BookingDecision Commit()
    {
        var id = Store.Commit(Last!.Effects);
        Last = Last.AfterCommit(id);
        State = Last.State;
        return Last;
    }

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        TenantZones.ToUtc(TenantZones.Find(Policy.TimeZoneId)!, new LocalDateTime(2026, month, day, hour, minute))!.Value;
}
