namespace Concierge.Bookings.Reading;

/// <summary>What a message asks for beyond the facts it gives.</summary>
public enum BookingIntent
{
    None,
    Book,
    Cancel,
    Reschedule,
    WhatsFree,
}
