namespace Concierge.Server.Bookings;

public sealed record BookingList(IReadOnlyList<BookingView> Bookings);
