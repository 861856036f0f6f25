using NodaTime;

namespace Concierge.Bookings;

/// <summary>The validator's answer: the errors, or the resolved local and UTC start of a valid request.</summary>
public sealed record BookingValidation(IReadOnlyList<BookingRequestError> Errors, LocalDateTime? LocalStart, DateTimeOffset? Start)
{
    public bool IsValid => Errors.Count == 0;

    public static BookingValidation Failed(IReadOnlyList<BookingRequestError> errors) => new(errors, null, null);
}
