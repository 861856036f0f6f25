namespace Concierge.Bookings.Conversation;

/// <summary>Move a booking; the store re-checks capacity at the new start like a new booking.</summary>
public sealed record RescheduleBooking(Guid BookingId, DateTimeOffset NewStart) : BookingEffect;
