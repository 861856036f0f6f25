namespace Concierge.Skills.Templates;

/// <summary>The stable rule codes of TEMPLATE-RULES.md and the limits they use.</summary>
public static class TemplateRules
{
    public const string NameFormat = "name.format";
    public const string CategoryValue = "category.value";
    public const string LanguageCode = "language.code";
    public const string BodyRequired = "body.required";
    public const string BodyLength = "body.length";
    public const string ParamsSyntax = "params.syntax";
    public const string ParamsMixed = "params.mixed";
    public const string ParamsSequence = "params.sequence";
    public const string ParamsEdges = "params.edges";
    public const string ParamsAdjacent = "params.adjacent";
    public const string ParamsRatio = "params.ratio";
    public const string ParamsExample = "params.example";
    public const string HeaderCount = "header.count";
    public const string HeaderText = "header.text";
    public const string FooterText = "footer.text";
    public const string ButtonsCount = "buttons.count";
    public const string ButtonsText = "buttons.text";
    public const string ButtonsQuickReply = "buttons.quick_reply";
    public const string ButtonsUrl = "buttons.url";
    public const string ButtonsPhone = "buttons.phone";
    public const string ButtonsCopyCode = "buttons.copy_code";
    public const string AuthBody = "auth.body";
    public const string AuthFooter = "auth.footer";
    public const string AuthButton = "auth.button";
    public const string AuthNoMedia = "auth.no_media";
    public const string MarketingOptOut = "marketing.optout";

    public const int MaxNameLength = 512;
    public const int MaxBodyLength = 1024;
    public const int MaxHeaderTextLength = 60;
    public const int MaxFooterLength = 60;
    public const int MaxButtons = 10;
    public const int MaxQuickReplies = 10;
    public const int MaxUrlButtons = 2;
    public const int MaxUrlLength = 2000;
    public const int MaxPhoneButtons = 1;
    public const int MaxPhoneNumberLength = 20;
    public const int MaxCopyCodeButtons = 1;
    public const int MaxCopyCodeExampleLength = 15;
    public const int MaxButtonLabelLength = 25;
    public const int MinCodeExpirationMinutes = 1;
    public const int MaxCodeExpirationMinutes = 90;
    public const int MaxSupportedApps = 5;
    public const int SignatureHashLength = 11;
    public const int MaxPackageNameLength = 224;

    /// <summary>Words of static body text needed per variable (Meta publishes no number; this is our guard).</summary>
    public const int WordsPerVariable = 3;

    /// <summary>Every rule code, in the order of TEMPLATE-RULES.md.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        NameFormat, CategoryValue, LanguageCode, BodyRequired, BodyLength,
        ParamsSyntax, ParamsMixed, ParamsSequence, ParamsEdges, ParamsAdjacent, ParamsRatio, ParamsExample,
        HeaderCount, HeaderText, FooterText,
        ButtonsCount, ButtonsText, ButtonsQuickReply, ButtonsUrl, ButtonsPhone, ButtonsCopyCode,
        AuthBody, AuthFooter, AuthButton, AuthNoMedia, MarketingOptOut,
    ];
}
