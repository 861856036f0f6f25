using Concierge.Bookings;
using Concierge.Bookings.Conversation;

namespace Concierge.Tests.Bookings.Conversation;

/// <summary>A store in a list, answering through the real <see cref="Availability"/>.</summary>
internal sealed class InMemoryBookingPorts(Service service, BookingPolicy policy, OpeningHours hours, DateTimeOffset now) : IBookingPorts
{
    private readonly Availability _availability = new(service, policy, hours);

    public List<StoredBooking> Bookings { get; } = [];

    public Task<SlotCapacity> FreeCapacityAsync(Guid serviceId, DateTimeOffset start, CancellationToken cancellationToken) =>
        Task.FromResult(_availability.CapacityAt(start, Parties(), now));

    public Task<IReadOnlyList<SlotOption>> NearestFreeAsync(Guid serviceId, DateTimeOffset around, int partySize, int count, CancellationToken cancellationToken) =>
        Task.FromResult(_availability.NearestFreeSlots(TenantZones.ToLocal(_availability.Zone, around), partySize, count, _ => Parties(), now));

    public Task<BookingSummary?> FindCustomerBookingAsync(BookingLookup lookup, CancellationToken cancellationToken)
    {
        var found = Bookings.Where(b => lookup.BookingId is { } id ? b.Id == id : b.Contact == lookup.Contact).OrderBy(b => b.Start).FirstOrDefault();
        return Task.FromResult(found is null
            ? null
            : new BookingSummary(found.Id, service.Id, service.Name, found.Start, TenantZones.ToLocal(_availability.Zone, found.Start), found.PartySize, found.Name));
    }

    public StoredBooking Add(DateTimeOffset start, int partySize, string name = "Someone", ContactPoint? contact = null)
    {
        var booking = new StoredBooking(Guid.NewGuid(), start, partySize, name, contact ?? ContactPoint.Email("someone@example.com"));
        Bookings.Add(booking);
        return booking;
    }

    /// <summary>Applies the effects as the real store would, returning a new booking's id.</summary>
    public Guid? Commit(IEnumerable<BookingEffect> effects)
    {
        Guid? created = null;
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case CreateBooking create:
                    created = Add(create.Start, create.PartySize, create.Name, create.Contact).Id;
                    break;
                case CancelBooking cancel:
                    Bookings.RemoveAll(b => b.Id == cancel.BookingId);
                    break;
                case RescheduleBooking move:
                    var index = Bookings.FindIndex(b => b.Id == move.BookingId);
                    Bookings[index] = Bookings[index] with { Start = move.NewStart };
                    break;
            }
        }

        return created;
    }

    private List<BookedParty> Parties() => Bookings.Select(b => new BookedParty(b.Start, b.PartySize)).ToList();

    public sealed record StoredBooking(Guid Id, DateTimeOffset Start, int PartySize, string Name, ContactPoint Contact);
}
