using Concierge.Safety;

namespace Concierge.Tests.Safety;

public class CrisisTextTests
{
    [Theory]
    [InlineData("QUIERO MORIR", " kiero morir ")]
    [InlineData("quierooo morirrr", " kiero morir ")]
    [InlineData("Quiéro morír", " kiero morir ")]
    [InlineData("m0rir", " morir ")]
    [InlineData("k1ll myself", " kil myself ")]
    [InlineData("mo\u200Brir", " morir ")]
    [InlineData("mo\u00ADrir", " morir ")]
    [InlineData("q.u.i.e.r.o m.o.r.i.r", " kiero morir ")]
    [InlineData("k i l l myself", " kil myself ")]
    [InlineData("ya no kiero bibir", " ya no kiero bibir ")]
    [InlineData("ya no quiero vivir", " ya no kiero bibir ")]
    [InlineData("I don't want", " i dont want ")]
    [InlineData("I\u2019m fine", " im fine ")]
    [InlineData("no, quiero", " no | kiero ")]
    [InlineData("¿¡qué!?", " | ke | ")]
    public void Folds_case_accents_repeats_leetspeak_spelling_and_invisible_characters(string text, string expected)
    {
        Assert.Equal(expected, CrisisText.Normalise(text));
    }

    [Theory]
    [InlineData("call 988", " cal 988 ")]
    [InlineData("24/7", " 24 7 ")]
    [InlineData("*4141", " 4141 ")]
    public void Leaves_numbers_that_are_not_leetspeak_alone(string text, string expected)
    {
        Assert.Equal(expected, CrisisText.Normalise(text));
    }

    [Theory]
    [InlineData("💊", "#pill")]
    [InlineData("🔪", "#blade")]
    [InlineData("🪦", "#grave")]
    [InlineData("⚰️", "#grave")]
    [InlineData("🔫", "#gun")]
    [InlineData("😂", "#laugh")]
    [InlineData("💀", "#laugh")]
    [InlineData("jajaja", "#laugh")]
    [InlineData("kkkkk", "#laugh")]
    [InlineData("lmaooo", "#laugh")]
    public void Reads_emoji_and_laughter_as_cue_tokens(string text, string token)
    {
        Assert.Equal($" {token} ", CrisisText.Normalise(text));
    }

    [Fact]
    public void Replaces_a_quoted_span_with_one_token()
    {
        Assert.Equal(" la cansion dise #quote ", CrisisText.Normalise("la canción dice \"quiero morir en tus brazos\""));
    }

    [Fact]
    public void Folds_rule_words_the_same_way_as_message_words()
    {
        Assert.Equal(CrisisText.Normalise("Suicidarme").Trim(), CrisisText.FoldWord("suicidarme"));
        Assert.Equal(CrisisText.Normalise("suisidarme").Trim(), CrisisText.FoldWord("suicidarme"));
    }
}
