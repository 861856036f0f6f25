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
            memory = memory with { HeaderText = prior.HeaderText, WantsHeader = prior.WantsHeader };
        }

        if (memory.FooterText is { } footer && footer != prior.FooterText && !Said(said, footer))
        {
            memory = memory with { FooterText = prior.FooterText, WantsFooter = prior.WantsFooter };
        }

        var buttons = memory.ButtonList;
        var kept = buttons.Where(b => prior.ButtonList.Contains(b) || ((b.Text is null || Said(said, b.Text)) && (b.Url is null || Said(said, b.Url)) && (b.PhoneNumber is null || said.Contains(Digits(b.PhoneNumber), StringComparison.Ordinal) || Digits(said).Contains(Digits(b.PhoneNumber), StringComparison.Ordinal)))).ToList();
        if (kept.Count != buttons.Count)
        {
            memory = memory with { Buttons = kept, WantsButtons = kept.Count > 0 ? true : prior.WantsButtons };
        }

        return memory;
    }

    private static bool Said(string foldedUser, string text)
    {
        var folded = TextScan.Fold(text).Trim().TrimEnd('.', '!', '?');
        return folded.Length > 0 && foldedUser.Contains(folded, StringComparison.Ordinal);
    }

    private static string Digits(string text) => new([.. text.Where(char.IsDigit)]);
}
