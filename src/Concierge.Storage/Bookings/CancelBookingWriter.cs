using Concierge.Bookings.Conversation;
using Concierge.Conversations;
using Concierge.Storage.Effects;

namespace Concierge.Storage.Bookings;

/// <summary>Cancels the booking a customer confirmed cancelling, in the turn's transaction.</summary>
public sealed class CancelBookingWriter(SqlBookingStore bookings) : EffectWriter<CancelBooking>
{
    protected override async Task WriteAsync(EffectWriteContext context, CancelBooking effect)
    {
        var session = context.Session;
        if (await bookings.CancelAsync(context.Connection, context.Transaction, session.TenantId, effect.BookingId, session.UpdatedAt, context.CancellationToken) is null)
        {
            throw new EffectConflictException($"Booking {effect.BookingId} no longer exists.");
        }
    }
}
