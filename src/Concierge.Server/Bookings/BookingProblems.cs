using Concierge.Server.Errors;

namespace Concierge.Server.Bookings;

/// <summary>The problem documents of the bookings API (see <see cref="Problem"/>). A request the validator refuses is 422 with the validator's own code.</summary>
public static class BookingProblems
{
    public static readonly Problem SlotFull = new(StatusCodes.Status409Conflict, "slot_full", "The slot has no room left for the party.");
    public static readonly Problem ServiceNotFound = new(StatusCodes.Status404NotFound, "service_not_found", "No such service.");
    public static readonly Problem ServiceExists = new(StatusCodes.Status409Conflict, "service_exists", "The tenant already has a service with this key.");
    public static readonly Problem BookingNotFound = new(StatusCodes.Status404NotFound, "booking_not_found", "No such booking.");
    public static readonly Problem BookingCancelled = new(StatusCodes.Status409Conflict, "booking_cancelled", "The booking is cancelled.");

    /// <summary>A 422 carrying one of <see cref="Concierge.Bookings.BookingErrorCodes"/> (or a request-shape code such as <c>required</c>).</summary>
    public static Problem Unprocessable(string code) => new(StatusCodes.Status422UnprocessableEntity, code, "The booking request cannot be taken.");
}
