namespace Concierge.Bookings;

/// <summary>An existing booking as availability sees it: when it starts and how many it seats.</summary>
public sealed record BookedParty(DateTimeOffset Start, int PartySize);
