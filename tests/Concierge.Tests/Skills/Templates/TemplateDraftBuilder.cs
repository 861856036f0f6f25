using Concierge.Skills.Templates;

namespace Concierge.Tests.Skills.Templates;

/// <summary>
/// Fluent builder of valid drafts: each starting point passes every rule, so a test that breaks one
/// rule is one call away from valid.
/// </summary>
internal sealed class TemplateDraftBuilder
{
    private TemplateDraft _draft;

    private TemplateDraftBuilder(TemplateDraft draft) => _draft = draft;

    public const string UtilityBody = "Hello {{1}}, your order {{2}} has shipped. Thank you!";
    public const string TrackUrl = "https://shop.example.com/track/{{1}}";

    /// <summary>A UTILITY template with a text header, a body with two variables, a footer and two buttons.</summary>
    public static TemplateDraftBuilder Utility() => new(new TemplateDraft
    {
        Name = "order_shipped",
        Category = TemplateCategory.Utility,
        Language = "en_US",
        Components =
        [
            new HeaderComponent { Format = HeaderFormat.Text, Text = "Order {{1}} is on its way", Examples = ["#1234"] },
            new BodyComponent { Text = UtilityBody, Examples = ["Ana", "#1234"] },
            new FooterComponent { Text = "Questions? Reply to this message." },
            new ButtonsComponent([new UrlButton("Track order", TrackUrl) { Example = "ABC123" }, new QuickReplyButton("Talk to us")]),
        ],
    });

    /// <summary>A MARKETING template with an opt-out footer.</summary>
    public static TemplateDraftBuilder Marketing() => new(new TemplateDraft
    {
        Name = "spring_sale",
        Category = TemplateCategory.Marketing,
        Language = "en_US",
        Components =
        [
            new BodyComponent { Text = "Hi {{1}}, our spring sale starts today with 20% off everything.", Examples = ["Ana"] },
            new FooterComponent { Text = "Reply STOP to opt out" },
            new ButtonsComponent([new QuickReplyButton("Shop now")]),
        ],
    });

    /// <summary>An AUTHENTICATION template in Meta's fixed shape with a copy-code OTP button.</summary>
    public static TemplateDraftBuilder Authentication() => new(new TemplateDraft
    {
        Name = "login_code",
        Category = TemplateCategory.Authentication,
        Language = "en_US",
        Components =
        [
            new BodyComponent { AddSecurityRecommendation = true },
            new FooterComponent { CodeExpirationMinutes = 10 },
            new ButtonsComponent([new OtpButton(OtpType.CopyCode) { Text = "Copy code" }]),
        ],
    });

    public TemplateDraftBuilder With(Func<TemplateDraft, TemplateDraft> change)
    {
        _draft = change(_draft);
        return this;
    }

    public TemplateDraftBuilder Name(string? name) => With(d => d with { Name = name });

    public TemplateDraftBuilder Category(string? category) => With(d => d with { Category = category });

    public TemplateDraftBuilder Language(string? language) => With(d => d with { Language = language });

    public TemplateDraftBuilder Format(TemplateParameterFormat format) => With(d => d with { ParameterFormat = format });

    public TemplateDraftBuilder Components(params TemplateComponent[] components) => With(d => d with { Components = components });

    public TemplateDraftBuilder AddComponent(TemplateComponent component) => With(d => d with { Components = [.. d.Components, component] });

    public TemplateDraftBuilder Body(string? text, params string[] examples) =>
        Replace<BodyComponent>(new BodyComponent { Text = text, Examples = examples });

    public TemplateDraftBuilder Body(BodyComponent? body) => Replace<BodyComponent>(body);

    public TemplateDraftBuilder NamedBody(string text, params (string Name, string Example)[] examples) =>
        Replace<BodyComponent>(new BodyComponent { Text = text, NamedExamples = examples.Select(e => new NamedParameterExample(e.Name, e.Example)).ToArray() });

    public TemplateDraftBuilder HeaderText(string? text, params string[] examples) =>
        Replace<HeaderComponent>(new HeaderComponent { Format = HeaderFormat.Text, Text = text, Examples = examples });

    public TemplateDraftBuilder Header(HeaderComponent? header) => Replace<HeaderComponent>(header);

    public TemplateDraftBuilder MediaHeader(string format, string? handle) =>
        Replace<HeaderComponent>(new HeaderComponent { Format = format, MediaHandle = handle });

    public TemplateDraftBuilder NoHeader() => Replace<HeaderComponent>(null);

    public TemplateDraftBuilder Footer(string? text) => Replace<FooterComponent>(new FooterComponent { Text = text });

    public TemplateDraftBuilder Footer(FooterComponent? footer) => Replace<FooterComponent>(footer);

    public TemplateDraftBuilder NoFooter() => Replace<FooterComponent>(null);

    public TemplateDraftBuilder Buttons(params TemplateButton[] buttons) => Replace<ButtonsComponent>(new ButtonsComponent(buttons));

    public TemplateDraftBuilder NoButtons() => Replace<ButtonsComponent>(null);

    public TemplateDraft Build() => _draft;

    /// <summary>Replaces the first component of type <typeparamref name="T"/> (added in Meta's order when absent, removed when null).</summary>
    private TemplateDraftBuilder Replace<T>(T? component)
        where T : TemplateComponent
    {
        var list = _draft.Components.ToList();
        var index = list.FindIndex(c => c is T);
        if (index >= 0)
        {
            list.RemoveAt(index);
        }

        if (component is not null)
        {
            var insertAt = index >= 0 ? index : list.FindIndex(c => Rank(c) > Rank(component));
            list.Insert(insertAt < 0 ? list.Count : insertAt, component);
        }

        _draft = _draft with { Components = list };
        return this;
    }

    private static int Rank(TemplateComponent component) => component switch
    {
        HeaderComponent => 0,
        BodyComponent => 1,
        FooterComponent => 2,
        _ => 3,
    };
}
