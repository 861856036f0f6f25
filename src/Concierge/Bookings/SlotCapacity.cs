namespace Concierge.Bookings;

/// <summary>What a slot start has room for, as the booking conversation asks the store.</summary>
public sealed record SlotCapacity(SlotStatus Status, int Capacity, int Used, CapacityUnit Unit, int MinPartySize, int MaxPartySize)
{
    public int Free => Math.Max(0, Capacity - Used);

    public bool AcceptsPartyOf(int partySize) => partySize >= Math.Max(1, MinPartySize) && partySize <= MaxPartySize;

    public bool Fits(int partySize) =>
        Status == SlotStatus.Open && AcceptsPartyOf(partySize) && Free >= (Unit == CapacityUnit.Seats ? partySize : 1);

    public static SlotCapacity Unavailable(SlotStatus status) => new(status, 0, 0, CapacityUnit.Seats, 1, 0);
}
