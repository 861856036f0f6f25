using NodaTime;

namespace Concierge.Bookings.Conversation;

/// <summary>
/// How to find a customer's booking: by id when this conversation made it, else by contact, narrowed
/// by name and date when given. The store returns the next upcoming match.
/// </summary>
public sealed record BookingLookup(Guid? BookingId, ContactPoint? Contact, string? Name, LocalDate? Date);
