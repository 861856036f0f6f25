namespace Concierge.Bookings;

/// <summary>
/// A booking request as the API receives it, in the tenant's local calendar. Plain numbers rather than
/// NodaTime values, because an impossible date (31 February) must reach the validator to be reported.
/// </summary>
public sealed record BookingRequestInput(int Year, int Month, int Day, int Hour, int Minute, int PartySize);
