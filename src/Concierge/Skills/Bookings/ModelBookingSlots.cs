namespace Concierge.Skills.Bookings;

/// <summary>The model's structured extraction of one message, never trusted: every value is parsed and validated in decide.</summary>
/// <param name="Date">yyyy-MM-dd, or null.</param>
/// <param name="Time">HH:mm (24 h), or null.</param>
/// <param name="Intent">book, cancel, reschedule, whats_free, or none.</param>
/// <param name="Confirms">true for yes, false for no, null otherwise.</param>
public sealed record ModelBookingSlots(
    string? Service, string? Date, string? Time, int? PartySize, string? Name, string? Contact, bool? Confirms, string? Intent, string? Language);
