namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The rules for header, footer and buttons (issue 18): a part the user never mentioned is not
/// wanted; an acceptance settles every part still open; and the builder's own suggestion for a part
/// becomes content only when the user said yes to that very suggestion.
/// </summary>
internal static class OptionalParts
{
    /// <summary>True while the user has said nothing about at least one part (the draft offers them, once).</summary>
    public static bool Unsettled(TemplateMemory memory) =>
        memory.Category != TemplateCategory.Authentication && (memory.WantsHeader is null || memory.WantsFooter is null || memory.WantsButtons is null);

    /// <summary>Accepting the draft as it is: open parts, and parts asked for but never worded, are not wanted.</summary>
    public static TemplateMemory Settle(TemplateMemory memory)
    {
        if (memory.Category == TemplateCategory.Authentication)
        {
            return memory;
        }

        return memory with
        {
            WantsHeader = memory.WantsHeader == true && memory.HeaderText is not null,
            WantsFooter = memory.WantsFooter == true && memory.FooterText is not null,
            WantsButtons = memory.WantsButtons == true && memory.ButtonList.Count > 0,
        };
    }

    /// <summary>The user said yes to the suggestion the last question showed: it becomes the part's content.</summary>
    public static TemplateMemory AcceptSuggestion(TemplateMemory memory, string? pending, bool accepted)
    {
        if (!accepted)
        {
            return memory;
        }

        var lang = memory.ReplyLanguage ?? LanguageSense.English;
        return pending switch
        {
            TemplateMemoryKeys.WantsHeader when memory.HeaderText is null => memory with { WantsHeader = true, HeaderText = SuggestedHeader(memory, lang) },
            TemplateMemoryKeys.WantsFooter when memory.FooterText is null => memory with { WantsFooter = true, FooterText = SuggestedFooter(memory, lang) },
            TemplateMemoryKeys.WantsButtons when memory.ButtonList.Count == 0 => memory with
            {
                WantsButtons = true,
                Buttons = [.. SuggestedButtons(memory, lang).Select(t => new ButtonWish(TemplateButton.QuickReplyType, t))],
            },
            _ => memory,
        };
    }

    public static string SuggestedHeader(TemplateMemory memory, string lang) =>
        DraftComposer.DefaultHeader(PurposeKinds.Find(memory.PurposeKind), memory.Category ?? TemplateCategory.Utility, LanguageSense.BaseOf(memory.LanguagePref ?? lang));

    public static string SuggestedFooter(TemplateMemory memory, string lang) =>
        DraftComposer.DefaultFooter(memory.Category ?? TemplateCategory.Utility, LanguageSense.BaseOf(memory.LanguagePref ?? lang));

    public static IReadOnlyList<string> SuggestedButtons(TemplateMemory memory, string lang) =>
        DraftComposer.DefaultQuickReplies(PurposeKinds.Find(memory.PurposeKind), memory.Category ?? TemplateCategory.Utility, LanguageSense.BaseOf(memory.LanguagePref ?? lang));
}
