namespace Concierge.Skills.Templates.Builder;

/// <summary>A button the user asked for; the URL or phone may still be unknown (then the skill asks for it).</summary>
public sealed record ButtonWish(string Type, string? Text = null, string? Url = null, string? PhoneNumber = null);
