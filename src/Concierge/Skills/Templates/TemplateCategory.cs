namespace Concierge.Skills.Templates;

/// <summary>Meta's template categories, written as Concierge sends them (upper case).</summary>
public static class TemplateCategory
{
    public const string Marketing = "MARKETING";
    public const string Utility = "UTILITY";
    public const string Authentication = "AUTHENTICATION";

    public static IReadOnlyList<string> All { get; } = [Marketing, Utility, Authentication];
}
