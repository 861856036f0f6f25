using NodaTime;

namespace Concierge.Bookings;

/// <summary>One slot of a day: its start in UTC and in the tenant's local time, and its capacity use.</summary>
public sealed record Slot(DateTimeOffset Start, LocalDateTime LocalStart, int Capacity, int Used, SlotStatus Status)
{
    public int Free => Math.Max(0, Capacity - Used);

    /// <summary>True when the slot is bookable now and has room for <paramref name="partySize"/> of <paramref name="service"/>.</summary>
    public bool Fits(Service service, int partySize) =>
        Status == SlotStatus.Open && service.AcceptsPartyOf(partySize) && Free >= service.DemandOf(partySize);

    public SlotOption ToOption() => new(Start, LocalStart, Free);

    public SlotCapacity ToCapacity(Service service) =>
        new(Status, Capacity, Used, service.Unit, service.MinPartySize, service.MaxPartySize);
}
