using NodaTime;

namespace Concierge.Bookings;

/// <summary>A free slot offered to a customer, with how many capacity units it still has.</summary>
public sealed record SlotOption(DateTimeOffset Start, LocalDateTime LocalStart, int Free);
