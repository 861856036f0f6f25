using Concierge.Bookings.Conversation;
using Concierge.Conversations;
using Concierge.Storage.Effects;

namespace Concierge.Storage.Bookings;

/// <summary>Moves a booking to the start a customer confirmed, re-checking capacity there, in the turn's transaction.</summary>
public sealed class RescheduleBookingWriter(SqlBookingStore bookings) : EffectWriter<RescheduleBooking>
{
    protected override async Task WriteAsync(EffectWriteContext context, RescheduleBooking effect)
    {
        var session = context.Session;
        var result = await bookings.RescheduleAsync(
            context.Connection, context.Transaction, session.TenantId, effect.BookingId, effect.NewStart, session.UpdatedAt, context.CancellationToken);
        if (!result.Succeeded)
        {
            throw new EffectConflictException($"Booking {effect.BookingId} cannot move to {effect.NewStart:O} ({result.Outcome}).");
        }
    }
}
