using Concierge.Bookings.Reading;
using NodaTime;

namespace Concierge.Bookings.Conversation;

/// <summary>
/// What a booking conversation knows between turns; the skill stores it in the session. The tenant's
/// zone is kept from the conversation's start so the same local time means the same instant all along.
/// </summary>
public sealed record BookingState
{
    public required string TimeZoneId { get; init; }

    public string Language { get; init; } = "en";

    public BookingFlow Flow { get; init; } = BookingFlow.Book;

    public Service? Service { get; init; }

    public LocalDate? Date { get; init; }

    public LocalTime? Time { get; init; }

    /// <summary>The other half-day reading of an am/pm-less time, tried when <see cref="Time"/> is outside the hours.</summary>
    public LocalTime? AlternativeTime { get; init; }

    /// <summary>The part of day the customer named without an hour, so the next question is "what time in the evening?".</summary>
    public PartOfDay? PartOfDay { get; init; }

    public int? PartySize { get; init; }

    public string? Name { get; init; }

    public ContactPoint? Contact { get; init; }

    /// <summary>The field the last reply asked for.</summary>
    public BookingField? Pending { get; init; }

    /// <summary>The slot the last reply asked to confirm; only a yes to it books.</summary>
    public SlotOption? Offered { get; init; }

    /// <summary>The free slots the last reply listed.</summary>
    public IReadOnlyList<SlotOption> Alternatives { get; init; } = [];

    /// <summary>The customer's existing booking being cancelled or moved.</summary>
    public BookingSummary? Target { get; init; }

    /// <summary>The booking this conversation made, once its effect was committed.</summary>
    public Guid? BookingId { get; init; }

    /// <exception cref="ArgumentException">The zone is not an IANA zone.</exception>
    public static BookingState Start(string timeZoneId, string language = "en", Service? service = null) =>
        TenantZones.Find(timeZoneId) is null
            ? throw new ArgumentException($"'{timeZoneId}' is not an IANA time zone.", nameof(timeZoneId))
            : new BookingState { TimeZoneId = timeZoneId, Language = language, Service = service };

    /// <summary>The same customer starting over: who they are stays, the booking details go.</summary>
    internal BookingState Fresh(BookingFlow flow) =>
        new() { TimeZoneId = TimeZoneId, Language = Language, Flow = flow, Name = Name, Contact = Contact, BookingId = BookingId, Service = flow == BookingFlow.Book ? Service : null };
}
