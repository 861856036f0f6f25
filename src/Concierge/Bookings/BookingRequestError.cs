namespace Concierge.Bookings;

/// <summary>One reason a booking request cannot be taken, named by field so the API can answer 422 per field.</summary>
/// <param name="Field">A <see cref="BookingFieldNames"/> value.</param>
/// <param name="Code">A <see cref="BookingErrorCodes"/> value, stable for clients.</param>
/// <param name="Detail">A short English explanation for logs and developers.</param>
public sealed record BookingRequestError(string Field, string Code, string Detail);
