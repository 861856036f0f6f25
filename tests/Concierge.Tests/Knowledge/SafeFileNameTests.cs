using Concierge.Knowledge.Intake;

namespace Concierge.Tests.Knowledge;

public class SafeFileNameTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\system.ini", "system.ini")]
    [InlineData("C:\\Users\\ana\\Documents\\Menú 2026.pdf", "Menú 2026.pdf")]
    [InlineData("a\u0000b.txt", "a_b.txt")]
    [InlineData("line\r\nbreak.md", "line_break.md")]
    [InlineData("report\u202Etxt.exe", "report_txt.exe")]
    [InlineData("what?*.html", "what_.html")]
    [InlineData(".hidden", "hidden")]
    [InlineData("trailing. . ", "trailing")]
    public void A_name_keeps_only_its_last_part_and_safe_characters(string given, string expected) =>
        Assert.Equal(expected, SafeFileName.From(given));

    [Theory]
    [InlineData("CON", "_CON")]
    [InlineData("nul.txt", "_nul.txt")]
    [InlineData("COM1.md", "_COM1.md")]
    [InlineData("lpt9", "_lpt9")]
    [InlineData("console.txt", "console.txt")]
    public void Windows_device_names_are_prefixed_so_they_name_a_file(string given, string expected) =>
        Assert.Equal(expected, SafeFileName.From(given));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("..")]
    [InlineData("/")]
    [InlineData("\u0001\u0002")]
    public void A_name_with_nothing_left_becomes_document(string? given) =>
        Assert.Equal(SafeFileName.Fallback, SafeFileName.From(given));

    [Fact]
    public void A_long_name_is_cut_to_120_characters_and_keeps_its_extension()
    {
        var safe = SafeFileName.From(new string('é', 300) + ".pdf");

        Assert.True(safe.Length <= SafeFileName.MaxLength);
        Assert.EndsWith("é.pdf", safe);
    }

    [Fact]
    public void A_long_name_of_emoji_is_never_cut_inside_a_character()
    {
        var safe = SafeFileName.From(string.Concat(Enumerable.Repeat("👍🏽", 100)));

        Assert.True(safe.Length <= SafeFileName.MaxLength);
        Assert.False(char.IsHighSurrogate(safe[^1]));
    }
}
