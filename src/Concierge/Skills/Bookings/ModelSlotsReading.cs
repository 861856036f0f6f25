using Concierge.Bookings;
using Concierge.Bookings.Reading;
using NodaTime.Text;

namespace Concierge.Skills.Bookings;

/// <summary>The model's strings as <see cref="BookingSlots"/>: what does not parse is dropped or reported, never trusted.</summary>
public static class ModelSlotsReading
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static BookingSlots ToSlots(ModelBookingSlots m, BookingReadContext context, string region)
    {
        var problems = new List<BookingRequestError>();
        var date = m.Date is null ? null : LocalDatePattern.Iso.Parse(m.Date) is { Success: true } d ? d.Value : (NodaTime.LocalDate?)null;
        if (m.Date is not null && date is null)
        {
            problems.Add(new(BookingFieldNames.Date, BookingErrorCodes.ImpossibleDate, $"'{m.Date}' is not a calendar date."));
        }

        var time = m.Time is not null && Time.Parse(m.Time) is { Success: true } t ? t.Value : (NodaTime.LocalTime?)null;
        var contact = ContactText.Parse(m.Contact, region);
        if (m.Contact is not null && contact is null)
        {
            problems.Add(new(BookingFieldNames.Contact, BookingErrorCodes.InvalidPhone, $"'{m.Contact}' is neither a phone number nor an e-mail address."));
        }

        return new BookingSlots
        {
            // The service is matched by the offline rules against the tenant's own list, never taken as given.
            Service = m.Service is null ? null : BookingSlotReader.Read(m.Service, context).Service,
            Date = date,
            Time = time,
            PartySize = m.PartySize is > 0 and < 10000 ? m.PartySize : null,
            Name = string.IsNullOrWhiteSpace(m.Name) || m.Name.Length > 100 ? null : m.Name.Trim(),
            Contact = contact,
            Confirms = m.Confirms,
            Intent = m.Intent switch
            {
                "book" => BookingIntent.Book,
                "cancel" => BookingIntent.Cancel,
                "reschedule" => BookingIntent.Reschedule,
                "whats_free" => BookingIntent.WhatsFree,
                _ => BookingIntent.None,
            },
            Language = m.Language is "es" or "en" or "pt" ? m.Language : null,
            Problems = problems,
        };
    }
}
