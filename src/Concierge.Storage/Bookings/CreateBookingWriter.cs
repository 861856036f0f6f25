using Concierge.Bookings.Conversation;
using Concierge.Bookings.Store;
using Concierge.Conversations;
using Concierge.Storage.Effects;

namespace Concierge.Storage.Bookings;

/// <summary>Books the slot a customer confirmed, in the confirming turn's transaction; a slot that filled up meanwhile sends the turn back to be decided again.</summary>
public sealed class CreateBookingWriter(SqlBookingStore bookings) : EffectWriter<CreateBooking>
{
    protected override async Task WriteAsync(EffectWriteContext context, CreateBooking effect)
    {
        if (effect.BookingId == Guid.Empty)
        {
            throw new InvalidOperationException("A CreateBooking effect needs the id its row will have.");
        }

        var session = context.Session;
        var booking = new NewBooking(
            effect.BookingId, effect.ServiceId, effect.Start, effect.PartySize, effect.Name, effect.Contact.Value, session.CustomerId, session.Id);
        var result = await bookings.CreateAsync(context.Connection, context.Transaction, session.TenantId, booking, session.UpdatedAt, context.CancellationToken);
        if (!result.Succeeded)
        {
            throw new EffectConflictException($"The slot at {effect.Start:O} can no longer take a party of {effect.PartySize} ({result.Outcome}).");
        }
    }
}
