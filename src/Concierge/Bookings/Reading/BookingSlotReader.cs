namespace Concierge.Bookings.Reading;

/// <summary>
/// The offline reader: what a booking message in Spanish, English or Portuguese says, without a model.
/// Readers run in a fixed order over a working copy in which each understood phrase is blanked:
/// contact first (its digits would look like anything), then calendar dates, times, relative dates,
/// parts of day, party size; yes/no, intents, name and service read the whole message.
/// </summary>
public static class BookingSlotReader
{
    public static BookingSlots Read(string text, BookingReadContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new ReadingBuffer(text);
        var problems = new List<BookingRequestError>();
        var pending = context.Pending;

        var contact = ContactReading.Take(buffer, context.Region, problems);
        var date = DateReading.TakeAbsolute(buffer, context, problems);
        var time = TimeReading.Take(buffer, pending == BookingField.Time);
        var relative = DateReading.TakeRelative(buffer, context, pending == BookingField.Date);
        var part = PartsOfDay.Take(buffer);
        date ??= relative ?? (time?.Today == true || part?.Today == true ? context.Today : null);
        var partySize = PartySizeReading.Take(buffer, pending == BookingField.PartySize);
        var confirms = AnswerReading.Confirms(buffer.Folded);
        var intent = AnswerReading.Intent(buffer.Folded);
        var readOther = date is not null || time is not null || part is not null || partySize is not null;
        var name = NameReading.Read(buffer, pending == BookingField.Name && !readOther, confirms is not null || intent is not BookingIntent.None and not BookingIntent.Book);
        var service = context.Services is { Count: > 0 } services ? ServiceMatching.Find(buffer.Folded, services) : null;

        return new BookingSlots
        {
            Service = service,
            Date = date,
            Time = time?.Time,
            AlternativeTime = time?.Alternative,
            PartySize = partySize,
            Name = name,
            Contact = contact,
            Confirms = confirms,
            Intent = intent,
            NeedsHourFor = time is null ? part?.Part : null,
            Language = LanguageGuess.Guess(text, buffer.Folded, name),
            Problems = problems,
        };
    }
}
