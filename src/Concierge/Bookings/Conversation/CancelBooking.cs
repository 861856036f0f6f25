namespace Concierge.Bookings.Conversation;

public sealed record CancelBooking(Guid BookingId) : BookingEffect;
