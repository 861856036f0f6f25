using Concierge.Bookings;
using Concierge.Bookings.Conversation;
using static Concierge.Tests.Bookings.Conversation.BookingConversation;

namespace Concierge.Tests.Bookings.Conversation;

/// <summary>A service whose party limits leave one size (a barbershop's one person per appointment): the conversation never asks for it.</summary>
public class FixedPartyTests
{
    private const string Phone = "+56 9 8765 4321";

    private static readonly Service Haircut = new(Guid.NewGuid(), Guid.NewGuid(), "corte", "Corte de pelo", TimeSpan.FromMinutes(30), 3, CapacityUnit.Seats, 1, 1);

    [Fact]
    public void Only_equal_party_limits_fix_the_party_size()
    {
        Assert.Equal(1, Haircut.FixedPartySize());
        Assert.Equal(2, (Haircut with { MinPartySize = 2, MaxPartySize = 2 }).FixedPartySize());
        Assert.Equal(1, (Haircut with { MinPartySize = 0, MaxPartySize = 1 }).FixedPartySize());
        Assert.Null(Dinner.FixedPartySize());
    }

    [Fact]
    public async Task A_one_person_service_skips_the_party_question_and_books_one_person()
    {
        var chat = new BookingConversation(service: Haircut);

        var asked = await chat.SayAsync("Quiero un corte de pelo mañana a las 20:00");

        Assert.Equal((BookingAction.Ask, BookingField.Name), (asked.Action, asked.Facts.Asked));
        Assert.DoesNotContain(BookingField.PartySize, asked.Missing);
        Assert.Equal(1, asked.State.PartySize);
        Assert.Equal("¿A nombre de quién hago la reserva?", chat.Reply);

        await chat.SayAsync("Ana Rojas");
        var confirm = await chat.SayAsync(Phone);

        Assert.Equal(BookingAction.Confirm, confirm.Action);
        Assert.Equal("¿Confirmo la reserva de Corte de pelo para 1 persona, el jueves 5 de marzo a las 20:00, a nombre de Ana Rojas?", chat.Reply);

        var booked = await chat.SayAsync("sí");

        Assert.Equal([new CreateBooking(Haircut.Id, Local(3, 5, 20), 1, "Ana Rojas", ContactPoint.Phone("+56987654321"))], booked.Effects);
    }

    [Fact]
    public async Task A_service_not_known_yet_fixes_the_party_once_it_is_chosen()
    {
        var chat = new BookingConversation("en", serviceKnown: false, service: Haircut);

        var first = await chat.SayAsync("Hi, I'd like to book something tomorrow at 8pm");
        var second = await chat.SayAsync("corte de pelo");

        Assert.Equal(BookingField.Service, first.Facts.Asked);
        Assert.Equal(1, second.State.PartySize);
        Assert.Equal(BookingField.Name, second.Facts.Asked);
    }

    [Fact]
    public async Task Another_party_size_asked_for_is_answered_with_the_fixed_one_not_a_refusal_loop()
    {
        var chat = new BookingConversation(service: Haircut);

        var decision = await chat.SayAsync($"Un corte de pelo para 2 personas mañana a las 20:00, me llamo Ana Rojas, mi teléfono es {Phone}");

        Assert.Equal(BookingAction.Confirm, decision.Action);
        Assert.Equal(1, decision.State.PartySize);
        Assert.Equal("Cada reserva aquí es para 1 persona. ¿Confirmo la reserva de Corte de pelo para 1 persona, el jueves 5 de marzo a las 20:00, a nombre de Ana Rojas?", chat.Reply);
    }
}
