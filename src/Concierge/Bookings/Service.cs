namespace Concierge.Bookings;

/// <summary>A bookable service of a tenant: a dinner sitting, a cooking class, a private chef.</summary>
/// <param name="Key">The stable, URL-safe name the API and the reader use ("dinner").</param>
/// <param name="Duration">How long one booking occupies its capacity from its start.</param>
/// <param name="CapacityPerSlot">How many <paramref name="Unit"/>s can be taken at the same moment.</param>
public sealed record Service(
    Guid Id,
    Guid TenantId,
    string Key,
    string Name,
    TimeSpan Duration,
    int CapacityPerSlot,
    CapacityUnit Unit,
    int MinPartySize,
    int MaxPartySize)
{
    /// <summary>How many capacity units a party takes: each guest a seat, or one chef or table per booking.</summary>
    public int DemandOf(int partySize) => Unit == CapacityUnit.Seats ? partySize : 1;

    public bool AcceptsPartyOf(int partySize) => partySize >= Math.Max(1, MinPartySize) && partySize <= MaxPartySize;

    /// <summary>
    /// The party size every booking has when the limits leave one choice (<c>min_party</c> equal to
    /// <c>max_party</c>: a barbershop's one person per appointment), else null. The booking
    /// conversation never asks for it then.
    /// </summary>
    public int? FixedPartySize() => Math.Max(1, MinPartySize) == MaxPartySize ? MaxPartySize : null;
}
