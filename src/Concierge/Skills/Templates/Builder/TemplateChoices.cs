using Concierge.Conversations;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The answers the builder offers as choices: the three categories when it asks the category. Each id
/// is what a user would type, so a tap is read like typing. (The language is never asked once the
/// purpose is known — it is taken from how the user writes — so it offers none.)
/// </summary>
internal static class TemplateChoices
{
    public static IReadOnlyList<ReplyChoice> For(string action, IReadOnlyList<string> missing) =>
        action == TemplateSkill.AskAction && missing.Count > 0 && missing[0] == TemplateMemoryKeys.Category
            ?
            [
                new(TemplateCategory.Marketing, "Marketing"),
                new(TemplateCategory.Utility, "Utility"),
                new(TemplateCategory.Authentication, "Authentication"),
            ]
            : [];
}
