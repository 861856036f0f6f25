using Concierge.Bookings;
using static Concierge.Tests.Bookings.Reading.ReaderFixture;

namespace Concierge.Tests.Bookings.Reading;

public class PartyAndNameReadingTests
{
    [Theory]
    [InlineData("seis personas", 6)]
    [InlineData("party of four", 4)]
    [InlineData("para doze pessoas", 12)]
    [InlineData("somos 5", 5)]
    [InlineData("2 adults and 3 kids", 5)]
    [InlineData("somos 3 adultos y 2 niños", 5)]
    [InlineData("mesa para 4", 4)]
    [InlineData("table for two", 2)]
    [InlineData("we are 6", 6)]
    [InlineData("just me", 1)]
    [InlineData("somos 4 a las 8", 4)]
    [InlineData("uma mesa para duas pessoas amanhã", 2)]
    [InlineData("mi esposa y yo", 2)]
    [InlineData("para mim e minha esposa", 2)]
    [InlineData("a table for 10 people on the 25th", 10)]
    public void Party_sizes_are_read_in_digits_and_words(string text, int expected) =>
        Assert.Equal(expected, Read(text).PartySize);

    [Theory]
    [InlineData("4")]
    [InlineData("cuatro")]
    [InlineData("four.")]
    public void A_bare_number_answers_a_party_size_question_only(string text)
    {
        Assert.Equal(4, Read(text, BookingField.PartySize).PartySize);
        Assert.Null(Read(text).PartySize);
    }

    [Theory]
    [InlineData("para 3 días")]
    [InlineData("for 2 nights")]
    public void A_count_of_days_or_nights_is_not_a_party_size(string text) =>
        Assert.Null(Read(text).PartySize);

    [Theory]
    [InlineData("my name is John Smith", "John Smith")]
    [InlineData("me llamo ana pérez", "Ana Pérez")]
    [InlineData("Soy Carlos, somos 4", "Carlos")]
    [InlineData("meu nome é João da Silva", "João da Silva")]
    [InlineData("a nombre de María José, para 4", "María José")]
    [InlineData("me chamo Beatriz e somos três", "Beatriz")]
    [InlineData("reservation for Smith at 8pm", "Smith")]
    [InlineData("for 3 on dec 20 at 6pm, name Tom Hardy, tom@h.io", "Tom Hardy")]
    public void Names_are_read_after_their_cues(string text, string expected) =>
        Assert.Equal(expected, Read(text).Name);

    [Theory]
    [InlineData("soy alérgico al maní")]
    [InlineData("mesa para cuatro")]
    [InlineData("Lucía")]
    public void Text_without_a_name_cue_gives_no_name(string text) =>
        Assert.Null(Read(text).Name);

    [Theory]
    [InlineData("Lucía", "Lucía")]
    [InlineData("pedro gonzález", "Pedro González")]
    [InlineData("Mary-Jane O'Neil", "Mary-Jane O'Neil")]
    public void A_bare_name_answers_a_name_question(string text, string expected) =>
        Assert.Equal(expected, Read(text, BookingField.Name).Name);

    [Theory]
    [InlineData("Marco Bianchi, marco@example.com", "Marco Bianchi")]
    [InlineData("ana rojas +1 212 555 0143", "Ana Rojas")]
    [InlineData("marco@example.com - Marco", "Marco")]
    public void A_name_question_answered_with_name_and_contact_gives_both(string text, string expected)
    {
        var slots = Read(text, BookingField.Name);
        Assert.Equal(expected, slots.Name);
        Assert.NotNull(slots.Contact);
    }

    [Theory]
    [InlineData("sí")]
    [InlineData("mañana a las 8")]
    [InlineData("no")]
    [InlineData("actually make it 4 people")]
    [InlineData("better make it friday")]
    [InlineData("mejor a las nueve")]
    public void An_answer_that_is_not_a_name_is_not_taken_as_one(string text) =>
        Assert.Null(Read(text, BookingField.Name).Name);
}
