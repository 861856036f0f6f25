namespace Concierge.Skills.Templates;

/// <summary>An automatic fix: the rule code it repairs and the sentence the reply states (e.g. "I shortened ...").</summary>
public sealed record AppliedFix(string Code, string Message);
