namespace Concierge.Bookings;

/// <summary>The snake_case names fields have on the wire (API errors, missing lists, debug view).</summary>
public static class BookingFieldNames
{
    public const string Service = "service";
    public const string Date = "date";
    public const string Time = "time";
    public const string PartySize = "party_size";
    public const string Name = "name";
    public const string Contact = "contact";
    public const string TimeZone = "time_zone";

    public static string Of(BookingField field) => field switch
    {
        BookingField.Service => Service,
        BookingField.Date => Date,
        BookingField.Time => Time,
        BookingField.PartySize => PartySize,
        BookingField.Name => Name,
        BookingField.Contact => Contact,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
