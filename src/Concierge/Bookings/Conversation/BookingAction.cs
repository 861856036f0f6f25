namespace Concierge.Bookings.Conversation;

/// <summary>What a booking turn does, for the reply and for the skill's outcome.</summary>
public enum BookingAction
{
    /// <summary>Asks the first missing field.</summary>
    Ask,

    /// <summary>Lists free slots (the customer asked what is free).</summary>
    Offer,

    /// <summary>The asked slot has no room for the party; the nearest free slots are offered.</summary>
    Full,

    /// <summary>The asked date or time cannot be booked (closed, outside hours, too soon...); alternatives offered.</summary>
    Unavailable,

    /// <summary>Everything is known and fits: asks "shall I book / cancel / move ...?".</summary>
    Confirm,

    /// <summary>
    /// The customer confirmed: a <see cref="CreateBooking"/> effect is to be committed. Also, without
    /// effects and with committed facts, the recap of the booking already made when nothing new is asked.
    /// </summary>
    Booked,

    /// <summary>The customer said no to the confirmation question.</summary>
    Declined,

    /// <summary>The customer confirmed a cancellation: a <see cref="CancelBooking"/> effect is to be committed.</summary>
    Cancelled,

    /// <summary>The customer confirmed a new time: a <see cref="RescheduleBooking"/> effect is to be committed.</summary>
    Rescheduled,

    /// <summary>No booking matched the customer's details for a cancel or reschedule.</summary>
    NotFound,
}
