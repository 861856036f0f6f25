namespace Concierge.Bookings;

/// <summary>The stable codes of <see cref="BookingRequestError"/>.</summary>
public static class BookingErrorCodes
{
    public const string UnknownTimeZone = "unknown_time_zone";
    public const string ImpossibleDate = "impossible_date";
    public const string ImpossibleTime = "impossible_time";
    public const string InPast = "in_past";
    public const string TooFarAhead = "too_far_ahead";
    public const string BeforeLeadTime = "before_lead_time";
    public const string Closed = "closed";
    public const string OutsideHours = "outside_hours";
    public const string NotASlotStart = "not_a_slot_start";
    public const string NonexistentLocalTime = "nonexistent_local_time";
    public const string TooSmall = "too_small";
    public const string TooLarge = "too_large";

    /// <summary>Only in the conversation: the customer named a party size other than the service's fixed one, which the booking takes.</summary>
    public const string PartyFixed = "party_fixed";

    /// <summary>Only from the reader: digits that look like a phone number but are not a valid one.</summary>
    public const string InvalidPhone = "invalid_phone";
}
