using System.Globalization;
using Concierge.Bookings;
using Concierge.Bookings.Store;
using NodaTime;

namespace Concierge.Storage.Bookings;

/// <summary>The follow-up messages, worded from the booking as stored (English for now).</summary>
internal static class FollowUpText
{
    public static string Write(string type, Booking booking, DateTimeZone zone)
    {
        var local = TenantZones.ToLocal(zone, booking.Start);
        var when = local.ToString("dddd d MMMM 'at' HH:mm", CultureInfo.InvariantCulture);
        return type == FollowUpJobs.ThankYou
            ? $"Thank you for choosing {booking.ServiceName}, {booking.Name}! We hope you enjoyed it. Reply here any time to book again."
            : $"Reminder: your {booking.ServiceName} booking for {booking.PartySize} is on {when}. Reply here if you need to change or cancel it.";
    }
}
