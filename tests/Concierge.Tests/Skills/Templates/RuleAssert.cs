using Concierge.Skills.Templates;

namespace Concierge.Tests.Skills.Templates;

internal static class RuleAssert
{
    public static TemplateValidator Validator { get; } = new();

    /// <summary>The draft has no error (advice allowed).</summary>
    public static void Valid(TemplateDraft draft, TemplateValidator? validator = null)
    {
        var errors = (validator ?? Validator).Validate(draft).Where(v => v.IsError).ToList();
        Assert.True(errors.Count == 0, "Expected no errors, got:\n" + string.Join("\n", errors));
    }

    /// <summary>The draft breaks <paramref name="code"/> and nothing else; returns the violations of that code.</summary>
    public static IReadOnlyList<RuleViolation> BreaksOnly(string code, TemplateDraft draft, TemplateValidator? validator = null)
    {
        var violations = (validator ?? Validator).Validate(draft);
        Assert.True(violations.Any(v => v.Code == code), $"Expected {code}, got:\n" + string.Join("\n", violations));
        var others = violations.Where(v => v.Code != code).ToList();
        Assert.True(others.Count == 0, $"Expected only {code}, also got:\n" + string.Join("\n", others));
        return violations;
    }

    /// <summary>The draft breaks <paramref name="code"/> (possibly among others).</summary>
    public static IReadOnlyList<RuleViolation> Breaks(string code, TemplateDraft draft)
    {
        var violations = Validator.Validate(draft);
        Assert.True(violations.Any(v => v.Code == code), $"Expected {code}, got:\n" + string.Join("\n", violations));
        return violations.Where(v => v.Code == code).ToList();
    }
}
