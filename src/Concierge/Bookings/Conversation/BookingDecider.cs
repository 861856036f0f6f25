using Concierge.Bookings.Reading;

namespace Concierge.Bookings.Conversation;

/// <summary>
/// The booking conversation as a pure state machine: state and the reader's proposal in, a decision
/// out. It reads the store only through <see cref="IBookingPorts"/> and changes nothing itself; a
/// booking, cancellation or move is an effect, returned only on the turn where the customer answers
/// yes to the exact question "shall I ...?" that the previous turn asked.
/// </summary>
public static class BookingDecider
{
    public static Task<BookingDecision> DecideAsync(BookingState state, BookingSlots proposal, IBookingPorts ports, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(proposal);
        var zone = TenantZones.Find(state.TimeZoneId)
            ?? throw new InvalidOperationException($"The booking state's zone '{state.TimeZoneId}' is not an IANA zone; create states with BookingState.Start.");
        var turn = new BookingTurn(ports, zone, now, cancellationToken);
        state = state with { Language = proposal.Language ?? state.Language };
        state = proposal.Intent switch
        {
            BookingIntent.Cancel when state.Flow != BookingFlow.Cancel => state.Fresh(BookingFlow.Cancel),
            BookingIntent.Reschedule when state.Flow != BookingFlow.Reschedule => state.Fresh(BookingFlow.Reschedule),
            _ => state,
        };

        return state.Flow switch
        {
            BookingFlow.Cancel => turn.CancelAsync(state, proposal),
            BookingFlow.Reschedule => turn.RescheduleAsync(state, proposal),
            _ => turn.BookAsync(state, proposal),
        };
    }
}
