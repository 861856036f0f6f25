using NodaTime;

namespace Concierge.Bookings.Conversation;

/// <summary>An existing booking of a customer, as found for a cancel or reschedule.</summary>
public sealed record BookingSummary(Guid Id, Guid ServiceId, string ServiceName, DateTimeOffset Start, LocalDateTime LocalStart, int PartySize, string Name);
