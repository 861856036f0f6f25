using Concierge.Bookings;
using Concierge.Bookings.Reading;
using static Concierge.Tests.Bookings.Reading.ReaderFixture;

namespace Concierge.Tests.Bookings.Reading;

public class ContactAndAnswerReadingTests
{
    [Theory]
    [InlineData("mi número es 9 8765 4321", "es-CL", "+56987654321")]
    [InlineData("+34 612 34 56 78", "es-CL", "+34612345678")]
    [InlineData("call me at (415) 555-2671", "en-US", "+14155552671")]
    [InlineData("meu celular é 11 98765-4321", "pt-BR", "+5511987654321")]
    [InlineData("612 345 678", "es", "+34612345678")]
    public void Phone_numbers_become_e164_in_the_tenant_region(string text, string locale, string expected)
    {
        var contact = Read(text, locale: locale).Contact;

        Assert.Equal(ContactKind.Phone, contact?.Kind);
        Assert.Equal(expected, contact?.Value);
    }

    [Fact]
    public void An_email_address_is_a_contact() =>
        Assert.Equal(ContactPoint.Email("ana.perez@example.com"), Read("escríbeme a Ana.Perez@Example.com").Contact);

    [Fact]
    public void A_number_that_is_no_phone_is_reported_not_kept()
    {
        var slots = Read("mi teléfono es 1234 5678 9", BookingField.Contact);

        Assert.Null(slots.Contact);
        Assert.Contains(slots.Problems, p => p.Field == BookingFieldNames.Contact);
    }

    [Theory]
    [InlineData("sí", true)]
    [InlineData("Si, por favor", true)]
    [InlineData("yes please", true)]
    [InlineData("sim", true)]
    [InlineData("claro que sí", true)]
    [InlineData("ok", true)]
    [InlineData("perfeito!", true)]
    [InlineData("pode confirmar", true)]
    [InlineData("please book it", true)]
    [InlineData("you can book it", true)]
    [InlineData("confírmalo, gracias", true)]
    [InlineData("fechado!", true)]
    [InlineData("let's do it", true)]
    [InlineData("can you tell me the price first?", null)]
    [InlineData("no", false)]
    [InlineData("não", false)]
    [InlineData("nope", false)]
    [InlineData("no, mejor a las 9", false)]
    [InlineData("si puedes mañana mejor avísame", null)]
    [InlineData("mesa para 4", null)]
    public void Yes_and_no_are_read_in_three_languages(string text, bool? expected) =>
        Assert.Equal(expected, Read(text).Confirms);

    [Theory]
    [InlineData("quiero cancelar mi reserva", BookingIntent.Cancel)]
    [InlineData("please cancel my booking", BookingIntent.Cancel)]
    [InlineData("quero cancelar", BookingIntent.Cancel)]
    [InlineData("can I reschedule?", BookingIntent.Reschedule)]
    [InlineData("quiero cambiar mi reserva al viernes", BookingIntent.Reschedule)]
    [InlineData("preciso remarcar", BookingIntent.Reschedule)]
    [InlineData("what's free tomorrow?", BookingIntent.WhatsFree)]
    [InlineData("¿qué horarios hay el viernes?", BookingIntent.WhatsFree)]
    [InlineData("quais horários tem amanhã?", BookingIntent.WhatsFree)]
    [InlineData("I'd like to book a table", BookingIntent.Book)]
    [InlineData("hola", BookingIntent.None)]
    public void Intents_are_read_in_three_languages(string text, BookingIntent expected) =>
        Assert.Equal(expected, Read(text).Intent);

    [Theory]
    [InlineData("quiero la cena degustación", "cena-degustacion")]
    [InlineData("una clase de cosina para 2", "clase-cocina")]
    [InlineData("book a private chef", "private-chef")]
    [InlineData("CENA-DEGUSTACION", "cena-degustacion")]
    [InlineData("a table please", null)]
    public void Services_are_matched_by_name_or_key_with_a_typo_allowed(string text, string? key) =>
        Assert.Equal(key, Read(text).Service?.Key);

    [Theory]
    [InlineData("mesa para 4 mañana a las 8", "es")]
    [InlineData("table for 4 tomorrow at 8", "en")]
    [InlineData("uma mesa para 4 amanhã às 20h", "pt")]
    [InlineData("4", null)]
    [InlineData("hey, do you do private chef dinners?", "en")]
    [InlineData("sounds good, go ahead", "en")]
    public void The_language_is_the_one_the_text_shows(string text, string? expected) =>
        Assert.Equal(expected, Read(text).Language);

    [Fact]
    public void A_name_that_is_also_a_word_does_not_decide_the_language() =>
        Assert.Null(Read("Marco Bianchi, marco@example.com", BookingField.Name).Language);

    [Fact]
    public void One_message_can_give_every_fact()
    {
        var slots = Read("Quiero reservar la cena degustación para seis personas mañana a las 8 de la noche, me llamo Ana Rojas, mi teléfono es +56 9 8765 4321");

        Assert.Equal("cena-degustacion", slots.Service?.Key);
        Assert.Equal("2026-03-05", slots.Date?.ToString("yyyy-MM-dd", null));
        Assert.Equal("20:00", slots.Time?.ToString("HH:mm", null));
        Assert.Null(slots.AlternativeTime);
        Assert.Equal(6, slots.PartySize);
        Assert.Equal("Ana Rojas", slots.Name);
        Assert.Equal("+56987654321", slots.Contact?.Value);
        Assert.Equal(BookingIntent.Book, slots.Intent);
        Assert.Equal("es", slots.Language);
    }
}
