using Concierge.Bookings.Reading;

namespace Concierge.Bookings.Conversation;

/// <summary>The cancel and reschedule flows: find the customer's booking, then confirm the change.</summary>
internal sealed partial class BookingTurn
{
    public async Task<BookingDecision> CancelAsync(BookingState state, BookingSlots proposal)
    {
        state = Identify(state, proposal) with { Date = proposal.Date ?? state.Date };
        if (state.Target is { } target)
        {
            return proposal.Confirms switch
            {
                true => Decide(AfterChange(state, target), BookingAction.Cancelled, Facts(state), [new CancelBooking(target.Id)]),
                false => Declined(state, BookingFlow.Cancel),
                _ => Decide(state with { Pending = null }, BookingAction.Confirm, Facts(state)),
            };
        }

        return await FindTargetAsync(state) is { } found
            ? Decide(found, BookingAction.Confirm, Facts(found))
            : NotFoundOrAsk(state);
    }

    /// <summary>
    /// Finds the booking, then checks the new start like a new booking. The store's capacity still
    /// counts the booking being moved, so a move within its own span is checked conservatively.
    /// </summary>
    public async Task<BookingDecision> RescheduleAsync(BookingState state, BookingSlots proposal)
    {
        state = Identify(state, proposal) with
        {
            Date = proposal.Date ?? state.Date,
            Time = proposal.Time ?? (proposal.NeedsHourFor is not null ? null : state.Time),
            AlternativeTime = proposal.Time is not null ? proposal.AlternativeTime : state.AlternativeTime,
            PartOfDay = proposal.NeedsHourFor ?? state.PartOfDay,
        };
        var offered = state.Offered;
        var changed = proposal.Date is not null || proposal.Time is not null;
        if (state.Target is not { } target)
        {
            if (await FindTargetAsync(state) is not { } found)
            {
                return NotFoundOrAsk(state);
            }

            state = found;
            target = found.Target!;
        }

        if (offered is not null && !changed && proposal.Confirms is { } answer)
        {
            return answer
                ? Decide(AfterChange(state, target), BookingAction.Rescheduled, Facts(state), [new RescheduleBooking(target.Id, offered.Start)])
                : Declined(state, BookingFlow.Reschedule);
        }

        state = state with { Offered = null };
        if (state.Date is { } date && state.Time is { } time)
        {
            var check = await CheckAsync(target.ServiceId, date, time, state.AlternativeTime, target.PartySize);
            state = state with { Time = check.Time };
            return check.Verdict is { } verdict
                ? verdict(state)
                : Decide(state with { Offered = check.Slot, Pending = null }, BookingAction.Confirm, Facts(state));
        }

        var asked = state.Date is null ? BookingField.Date : BookingField.Time;
        return Decide(state with { Pending = asked }, BookingAction.Ask, Facts(state) with { Asked = asked, HourWithin = asked == BookingField.Time ? state.PartOfDay : null });
    }

    /// <summary>Who the customer is: name and contact from this message over what the state knew.</summary>
    private static BookingState Identify(BookingState state, BookingSlots proposal) =>
        state with { Name = proposal.Name ?? state.Name, Contact = proposal.Contact ?? state.Contact };

    /// <summary>The state with the customer's booking as target, or null when there is nothing to look it up by or nothing matched.</summary>
    private async Task<BookingState?> FindTargetAsync(BookingState state)
    {
        if (state.BookingId is null && state.Contact is null)
        {
            return null;
        }

        var lookup = new BookingLookup(state.BookingId, state.Contact, state.Name, state.Flow == BookingFlow.Cancel ? state.Date : null);
        var found = await ports.FindCustomerBookingAsync(lookup, cancellationToken);
        return found is null ? null : state with { Target = found, Pending = null };
    }

    private static BookingDecision NotFoundOrAsk(BookingState state) =>
        state.BookingId is null && state.Contact is null
            ? Decide(state with { Pending = BookingField.Contact }, BookingAction.Ask, Facts(state) with { Asked = BookingField.Contact })
            : Decide(state.Fresh(BookingFlow.Book), BookingAction.NotFound, Facts(state));

    /// <summary>After a change the conversation is back to booking; a cancelled booking is no longer this conversation's.</summary>
    private static BookingState AfterChange(BookingState state, BookingSummary target) =>
        state.Fresh(BookingFlow.Book) with { BookingId = state.BookingId == target.Id && state.Flow == BookingFlow.Cancel ? null : state.BookingId };

    /// <summary>What the current flow still needs: the booking fields, or the new date and time of a move.</summary>
    private static List<BookingField> MissingFor(BookingState state) => state.Flow switch
    {
        BookingFlow.Book => Missing(state),
        BookingFlow.Reschedule => Missing(state).Where(f => f is BookingField.Date or BookingField.Time).ToList(),
        _ => state.Target is null && state.Contact is null && state.BookingId is null ? [BookingField.Contact] : [],
    };
}
