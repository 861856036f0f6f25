namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The JSON names of <see cref="TemplateMemory"/>'s slots: what an interpreter's memory updates are
/// keyed by (the model answers JSON), what "missing" lists name, and what <c>pending</c> holds.
/// </summary>
public static class TemplateMemoryKeys
{
    public const string Category = "category";
    public const string LanguagePref = "language_pref";
    public const string BusinessType = "business_type";
    public const string Purpose = "purpose";
    public const string WantsHeader = "wants_header";
    public const string WantsFooter = "wants_footer";
    public const string WantsButtons = "wants_buttons";
    public const string PurposeKind = "purpose_kind";
    public const string HeaderText = "header_text";
    public const string FooterText = "footer_text";
    public const string BodyText = "body_text";
    public const string BodyExamples = "body_examples";

    /// <summary>Buttons as <c>{"type","text"?,"url"?,"phone_number"?}</c>.</summary>
    public const string Buttons = "buttons";
    public const string Variables = "variables";
    public const string Name = "name";
    public const string CodeExpirationMinutes = "code_expiration_minutes";
    public const string ReplyLanguage = "reply_language";
    public const string LanguageSource = "language_source";
    public const string Pending = "pending";
}
