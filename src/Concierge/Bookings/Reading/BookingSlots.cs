using NodaTime;

namespace Concierge.Bookings.Reading;

/// <summary>
/// What one message said about a booking. Every value is what the text says and nothing more: a field
/// the reader did not understand is null, never guessed.
/// </summary>
public sealed record BookingSlots
{
    public Service? Service { get; init; }

    public LocalDate? Date { get; init; }

    public LocalTime? Time { get; init; }

    /// <summary>The other half of the day when a 12-hour time came without am/pm ("a las 8": 08:00, alternative 20:00).</summary>
    public LocalTime? AlternativeTime { get; init; }

    public int? PartySize { get; init; }

    public string? Name { get; init; }

    public ContactPoint? Contact { get; init; }

    /// <summary>True for yes, false for no, null when the message neither accepts nor refuses.</summary>
    public bool? Confirms { get; init; }

    public BookingIntent Intent { get; init; }

    /// <summary>Set when the message named a part of day but no hour ("tomorrow evening"): ask the hour within it.</summary>
    public PartOfDay? NeedsHourFor { get; init; }

    /// <summary>"es", "en" or "pt" when the text shows its language; null when it does not ("4", "ok").</summary>
    public string? Language { get; init; }

    /// <summary>Things the message tried to say that cannot be right (31 February, a phone number that is not one).</summary>
    public IReadOnlyList<BookingRequestError> Problems { get; init; } = [];

    /// <summary>True when the message gave a booking fact (not only an intent or a yes/no).</summary>
    public bool GivesFacts => Service is not null || Date is not null || Time is not null || PartySize is not null || Name is not null || Contact is not null;
}
