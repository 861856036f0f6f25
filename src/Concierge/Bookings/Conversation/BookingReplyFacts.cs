using Concierge.Bookings.Reading;
using NodaTime;

namespace Concierge.Bookings.Conversation;

/// <summary>
/// What a reply may state, and nothing more. <see cref="Committed"/> stays false until the skill has
/// committed the decision's effects, so an uncommitted reply says "will be booked", never "booked".
/// </summary>
public sealed record BookingReplyFacts
{
    public BookingFlow Flow { get; init; }

    public BookingField? Asked { get; init; }

    public PartOfDay? HourWithin { get; init; }

    public string? ServiceName { get; init; }

    public LocalDate? Date { get; init; }

    public LocalTime? Time { get; init; }

    public int? PartySize { get; init; }

    public string? Name { get; init; }

    public ContactPoint? Contact { get; init; }

    /// <summary>Free slots to offer (nearest first).</summary>
    public IReadOnlyList<SlotOption> Options { get; init; } = [];

    /// <summary>Why the asked value cannot be used: a <see cref="BookingErrorCodes"/> value.</summary>
    public string? Problem { get; init; }

    /// <summary>The party limit a too_large or too_small problem refers to.</summary>
    public int? PartyLimit { get; init; }

    /// <summary>The existing booking being cancelled or moved.</summary>
    public BookingSummary? Target { get; init; }

    public bool Committed { get; init; }

    public Guid? BookingId { get; init; }
}
