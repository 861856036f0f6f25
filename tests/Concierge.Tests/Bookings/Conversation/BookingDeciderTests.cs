using Concierge.Bookings;
using Concierge.Bookings.Conversation;
using static Concierge.Tests.Bookings.Conversation.BookingConversation;

namespace Concierge.Tests.Bookings.Conversation;

public class BookingDeciderTests
{
    private const string Phone = "+56 9 8765 4321";

    [Fact]
    public async Task A_complete_first_message_is_confirmed_and_booked_only_after_yes()
    {
        var chat = new BookingConversation();

        var confirm = await chat.SayAsync($"Quiero reservar para 4 personas mañana a las 8 de la noche, me llamo Ana Rojas, mi teléfono es {Phone}");

        Assert.Equal(BookingAction.Confirm, confirm.Action);
        Assert.Empty(confirm.Effects);
        Assert.Equal(Local(3, 5, 20), confirm.State.Offered?.Start);
        Assert.Equal("¿Confirmo la reserva de Cena para 4 personas, el jueves 5 de marzo a las 20:00, a nombre de Ana Rojas?", chat.Reply);

        var booked = await chat.SayAsync("sí");

        Assert.Equal(BookingAction.Booked, booked.Action);
        Assert.Equal([new CreateBooking(Dinner.Id, Local(3, 5, 20), 4, "Ana Rojas", ContactPoint.Phone("+56987654321"))], booked.Effects);
        Assert.DoesNotContain("confirmada", chat.Reply);
        Assert.Empty(chat.Store.Bookings);

        var committed = chat.Commit();

        Assert.NotNull(committed.State.BookingId);
        Assert.Equal("¡Listo! Tu reserva de Cena para 4 personas, el jueves 5 de marzo a las 20:00, a nombre de Ana Rojas está confirmada.", chat.Reply);
    }

    [Fact]
    public async Task A_booking_built_over_many_messages_asks_exactly_the_missing_field_each_time()
    {
        var chat = new BookingConversation();
        (string Say, BookingField? Asked, string Reply)[] turns =
        [
            ("hola, quiero una mesa", BookingField.Date, "¿Para qué día?"),
            ("mañana en la noche", BookingField.Time, "¿A qué hora de la noche?"),
            ("a las 8", BookingField.PartySize, "¿Para cuántas personas?"),
            ("4", BookingField.Name, "¿A nombre de quién hago la reserva?"),
            ("Lucía Soto", BookingField.Contact, "¿Me dejas un teléfono o correo de contacto?"),
        ];

        foreach (var (say, asked, reply) in turns)
        {
            var decision = await chat.SayAsync(say);

            Assert.Equal((BookingAction.Ask, asked), (decision.Action, decision.Facts.Asked));
            Assert.Equal(asked, decision.Missing[0]);
            Assert.Equal(reply, chat.Reply);
        }

        var confirm = await chat.SayAsync("lucia@example.com");

        Assert.Equal(BookingAction.Confirm, confirm.Action);
        Assert.Equal(Local(3, 5, 20), confirm.State.Offered?.Start);
        Assert.Empty(confirm.Missing);
    }

    [Fact]
    public async Task A_full_slot_offers_the_nearest_free_ones_and_an_offered_hour_can_be_picked()
    {
        var chat = new BookingConversation();
        chat.Store.Add(Local(3, 5, 20), 18);

        var full = await chat.SayAsync($"mesa para 4 mañana a las 20:00 a nombre de Ana, {Phone}");

        Assert.Equal(BookingAction.Full, full.Action);
        Assert.Empty(full.Effects);
        Assert.Equal([Local(3, 5, 22), Local(3, 5, 22, 30), Local(3, 6, 20)], full.Facts.Options.Select(o => o.Start));
        Assert.Equal("El jueves 5 de marzo a las 20:00 está completo. Horarios libres: 22:00, 22:30, el viernes 6 de marzo a las 20:00.", chat.Reply);

        var confirm = await chat.SayAsync("22:30");

        Assert.Equal(BookingAction.Confirm, confirm.Action);
        Assert.Equal(Local(3, 5, 22, 30), confirm.State.Offered?.Start);
    }

    [Fact]
    public async Task A_slot_taken_between_the_question_and_the_yes_is_not_booked()
    {
        var chat = new BookingConversation("en");
        await chat.SayAsync($"table for 2 tomorrow at 7pm, my name is John, {Phone}");
        chat.Store.Add(Local(3, 5, 19), 20);

        var decision = await chat.SayAsync("yes");

        Assert.Equal(BookingAction.Full, decision.Action);
        Assert.Empty(decision.Effects);
        Assert.Null(decision.State.Offered);
    }

    [Fact]
    public async Task No_to_the_confirmation_books_nothing_and_asks_what_to_change()
    {
        var chat = new BookingConversation("en");
        var confirm = await chat.SayAsync($"table for 2 tomorrow at 7pm, my name is John, {Phone}");
        Assert.Equal("Shall I book Cena for 2 people, Thursday, March 5 at 7:00 PM, under the name John?", chat.Reply);

        var declined = await chat.SayAsync("no");

        Assert.Equal(BookingAction.Declined, declined.Action);
        Assert.Empty(declined.Effects);
        Assert.Null(declined.State.Offered);
        Assert.Equal("All right, I won't book it. What would you like to change?", chat.Reply);
        Assert.Equal(BookingAction.Confirm, confirm.Action);
    }

    [Fact]
    public async Task A_yes_together_with_a_change_asks_again_instead_of_booking()
    {
        var chat = new BookingConversation("en");
        await chat.SayAsync($"table for 2 tomorrow at 7pm, my name is John, {Phone}");

        var decision = await chat.SayAsync("yes, but at 9pm");

        Assert.Equal(BookingAction.Confirm, decision.Action);
        Assert.Empty(decision.Effects);
        Assert.Equal(Local(3, 5, 21), decision.State.Offered?.Start);
    }

    [Fact]
    public async Task Cancelling_finds_the_booking_by_phone_and_cancels_after_yes()
    {
        var chat = new BookingConversation();
        var existing = chat.Store.Add(Local(3, 6, 21), 3, "Ana", ContactPoint.Phone("+56987654321"));

        var ask = await chat.SayAsync("quiero cancelar mi reserva");
        Assert.Equal((BookingAction.Ask, BookingField.Contact), (ask.Action, ask.Facts.Asked));

        var confirm = await chat.SayAsync(Phone);
        Assert.Equal(BookingAction.Confirm, confirm.Action);
        Assert.Equal("¿Cancelo tu reserva de Cena para 3 personas, el viernes 6 de marzo a las 21:00?", chat.Reply);

        var cancelled = await chat.SayAsync("sí, por favor");
        Assert.Equal(BookingAction.Cancelled, cancelled.Action);
        Assert.Equal([new CancelBooking(existing.Id)], cancelled.Effects);
        Assert.StartsWith("Estoy cancelando", chat.Reply);

        chat.Commit();
        Assert.Empty(chat.Store.Bookings);
        Assert.Equal("Tu reserva de Cena para 3 personas, el viernes 6 de marzo a las 21:00 quedó cancelada.", chat.Reply);
    }

    [Fact]
    public async Task A_booking_made_in_this_conversation_is_cancelled_without_asking_who()
    {
        var chat = new BookingConversation("en");
        await chat.SayAsync($"table for 2 tomorrow at 7pm, my name is John, {Phone}");
        await chat.SayAsync("yes");
        var id = chat.Commit().State.BookingId;

        var confirm = await chat.SayAsync("actually, please cancel it");
        var cancelled = await chat.SayAsync("yes");

        Assert.Equal(BookingAction.Confirm, confirm.Action);
        Assert.Equal([new CancelBooking(id!.Value)], cancelled.Effects);
        Assert.Null(cancelled.State.BookingId);
    }

    [Fact]
    public async Task An_unknown_customer_gets_not_found()
    {
        var chat = new BookingConversation("pt");

        var decision = await chat.SayAsync("quero cancelar, meu telefone é +55 11 98765-4321");

        Assert.Equal(BookingAction.NotFound, decision.Action);
        Assert.Equal("Não encontrei uma reserva com esses dados.", chat.Reply);
    }

    [Fact]
    public async Task Rescheduling_checks_the_new_slot_and_moves_after_yes()
    {
        var chat = new BookingConversation();
        var existing = chat.Store.Add(Local(3, 5, 20), 4, "Ana", ContactPoint.Phone("+56987654321"));

        var confirm = await chat.SayAsync($"quiero cambiar mi reserva al viernes a las 21:00, mi teléfono es {Phone}");

        Assert.Equal(BookingAction.Confirm, confirm.Action);
        Assert.Equal("¿Cambio tu reserva de Cena para 4 personas, el jueves 5 de marzo a las 20:00 para el viernes 6 de marzo a las 21:00?", chat.Reply);

        var moved = await chat.SayAsync("sí");

        Assert.Equal(BookingAction.Rescheduled, moved.Action);
        Assert.Equal([new RescheduleBooking(existing.Id, Local(3, 6, 21))], moved.Effects);
    }

    [Fact]
    public async Task Rescheduling_without_a_new_time_asks_for_it()
    {
        var chat = new BookingConversation("en");
        chat.Store.Add(Local(3, 5, 20), 4, "Ana", ContactPoint.Phone("+56987654321"));

        var decision = await chat.SayAsync($"I need to reschedule, my number is {Phone}");

        Assert.Equal((BookingAction.Ask, BookingField.Date), (decision.Action, decision.Facts.Asked));
        Assert.Equal([BookingField.Date, BookingField.Time], decision.Missing);
    }
}
