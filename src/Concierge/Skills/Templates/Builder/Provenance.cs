namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// No component content is invented (issue 18): a header, footer or button label a model proposes is
/// kept only when the user wrote it in this message or it was already in the template. Anything else
/// goes back to what memory held before the turn.
/// </summary>
internal static class Provenance
{
    public static TemplateMemory Uninvent(TemplateMemory memory, TemplateMemory prior, string userText)
    {
        var said = TextScan.Fold(userText);
        if (memory.HeaderText is { } header && header != prior.HeaderText && !Said(said, header))
        {
            // The user may have asked for a header without wording it: then the builder asks for the words.
            memory = memory with { HeaderText = prior.HeaderText, WantsHeader = Mentions(said, ReaderLexicon.Header) ? true : prior.WantsHeader };
        }

        if (memory.FooterText is { } footer && footer != prior.FooterText && !Said(said, footer))
        {
            memory = memory with { FooterText = prior.FooterText, WantsFooter = Mentions(said, ReaderLexicon.Footer) ? true : prior.WantsFooter };
        }

        var buttons = memory.ButtonList;
        var kept = buttons.Where(b => prior.ButtonList.Contains(b) || ((b.Text is null || Said(said, b.Text)) && (b.Url is null || Said(said, b.Url)) && (b.PhoneNumber is null || said.Contains(Digits(b.PhoneNumber), StringComparison.Ordinal) || Digits(said).Contains(Digits(b.PhoneNumber), StringComparison.Ordinal)))).ToList();
        if (kept.Count != buttons.Count)
        {
            memory = memory with { Buttons = kept, WantsButtons = kept.Count > 0 || Mentions(said, ReaderLexicon.Buttons) ? true : prior.WantsButtons };
        }

        return memory;
    }

    /// <summary>The user's message names the component (asking for it, not refusing it).</summary>
    private static bool Mentions(string foldedUser, string component) =>
        TextScan.HasAny(foldedUser, ReaderLexicon.ComponentWords.Where(w => w.Component == component).Select(w => w.Phrase))
        && !TextScan.HasAny(foldedUser, ["no " + component, "without", "sin", "sem", "sans"]);

    private static bool Said(string foldedUser, string text)
    {
        var folded = TextScan.Fold(text).Trim().TrimEnd('.', '!', '?');
        return folded.Length > 0 && foldedUser.Contains(folded, StringComparison.Ordinal);
    }

    private static string Digits(string text) => new([.. text.Where(char.IsDigit)]);
}
