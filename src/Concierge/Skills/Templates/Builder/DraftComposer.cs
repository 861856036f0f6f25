using System.Text.RegularExpressions;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// Builds the draft from memory alone, so that every turn (model or offline) ends with the same
/// draft for the same memory. Texts the user gave are used as given (the validator judges them);
/// texts they did not give are written in the template's language.
/// </summary>
internal static partial class DraftComposer
{
    public const int DefaultCodeExpirationMinutes = 10;

    [GeneratedRegex(@"\{\{\s*([0-9]+)\s*\}\}")]
    private static partial Regex PositionalVariable();

    /// <summary>The draft for <paramref name="memory"/>; null until purpose, category and language are known and a body can be written.</summary>
    public static TemplateDraft? Compose(TemplateMemory memory)
    {
        var category = memory.Category;
        var language = memory.LanguagePref;
        var purpose = memory.Purpose;
        if (category is null || language is null || purpose is null)
        {
            return null;
        }

        // A described purpose can be a whole sentence: its first words make a readable name.
        // A stock purpose's label is already a name; a description is named by its key words, not its first ones.
        var naming = memory.PurposeKind is null ? DescribedBody.KeyWords(purpose) : purpose;
        var name = memory.Name ?? TemplateNames.FromPurpose(string.Join(' ', naming.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5)));
        var lang = LanguageSense.BaseOf(language);
        if (category == TemplateCategory.Authentication)
        {
            return Authentication(name, language, lang, memory.CodeExpirationMinutes ?? DefaultCodeExpirationMinutes);
        }

        var kind = PurposeKinds.Find(memory.PurposeKind);
        var wishes = memory.WantsButtons == false ? [] : memory.ButtonList;
        var body = Body(memory, kind, language, wishes);
        if (body is null)
        {
            return null;
        }

        var components = new List<TemplateComponent>();
        // Only the user's words (or a suggestion they said yes to) fill optional parts: nothing is invented.
        if (memory.WantsHeader == true && memory.HeaderText is { } header)
        {
            components.Add(new HeaderComponent { Format = HeaderFormat.Text, Text = header });
        }

        components.Add(body);
        if (memory.WantsFooter == true && memory.FooterText is { } footer)
        {
            components.Add(new FooterComponent { Text = footer });
        }

        if (memory.WantsButtons == true)
        {
            var buttons = Buttons(wishes, kind, category, lang);
            if (buttons.Count > 0)
            {
                components.Add(new ButtonsComponent(buttons));
            }
        }

        return new TemplateDraft { Name = name, Category = category, Language = language, Components = components };
    }

    /// <summary>Meta's fixed AUTHENTICATION form: preset body with the security note, expiry footer, one copy-code button.</summary>
    private static TemplateDraft Authentication(string name, string language, string lang, int minutes) => new()
    {
        Name = name,
        Category = TemplateCategory.Authentication,
        Language = language,
        Components =
        [
            new BodyComponent { AddSecurityRecommendation = true },
            new FooterComponent { CodeExpirationMinutes = minutes },
            new ButtonsComponent([new OtpButton(OtpType.CopyCode) { Text = PurposeKinds.Pick(PurposeKinds.CopyCodeLabels, lang) }]),
        ],
    };

    private static BodyComponent? Body(TemplateMemory memory, PurposeKind? kind, string language, IReadOnlyList<ButtonWish> buttons)
    {
        var variables = memory.VariableList.Where(v => VariableKinds.All.Contains(v)).ToList();
        if (memory.BodyText is { } written)
        {
            return new BodyComponent { Text = written, Examples = WrittenExamples(written, (memory.BodyExamples ?? []), variables, language) };
        }

        if (kind is null || kind.Category == TemplateCategory.Authentication)
        {
            return DescribedBody.CanCompose(memory.Purpose) ? DescribedBody.Compose(memory.Purpose!, memory.Category!, language) : null;
        }

        var composed = BodyComposer.Compose(
            kind,
            variables.Count > 0 ? variables : kind.DefaultVariables,
            language,
            memory.BusinessType,
            urlButton: buttons.Any(b => b.Type == TemplateButton.UrlType),
            phoneButton: buttons.Any(b => b.Type == TemplateButton.PhoneNumberType));
        return new BodyComponent { Text = composed.Text, Examples = composed.Examples };
    }

    /// <summary>
    /// Examples for a body the user wrote: the ones given, else one per variable from the kinds described
    /// (in order), else guessed from the words before each variable.
    /// </summary>
    private static List<string> WrittenExamples(string text, IReadOnlyList<string> given, IReadOnlyList<string> described, string language)
    {
        var numbers = PositionalVariable().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var count = numbers.Count == 0 ? 0 : numbers.Max();
        var examples = new List<string>(count);
        for (var n = 1; n <= count; n++)
        {
            if (n <= given.Count && !string.IsNullOrWhiteSpace(given[n - 1]))
            {
                examples.Add(given[n - 1]);
                continue;
            }

            var match = PositionalVariable().Matches(text).FirstOrDefault(m => m.Groups[1].Value == n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var guessed = match is null ? null : VariableKinds.FromContext(TextScan.Fold(text[..match.Index]));
            var kind = n <= described.Count ? described[n - 1] : guessed;
            examples.Add(VariableKinds.Example(kind, language));
        }

        return examples;
    }

    internal static string DefaultHeader(PurposeKind? kind, string category, string lang) =>
        kind is not null ? PurposeKinds.Pick(kind.Headers, lang)
        : category == TemplateCategory.Marketing ? PurposeKinds.Pick(PurposeKinds.All[1].Headers, lang)
        : lang switch { "es" => "Información importante", "pt" => "Informação importante", "fr" => "Information importante", _ => "Important update" };

    internal static string DefaultFooter(string category, string lang) => (category, lang) switch
    {
        (TemplateCategory.Marketing, "es") => "Responde STOP para no recibir promociones",
        (TemplateCategory.Marketing, "pt") => "Responda SAIR para não receber ofertas",
        (TemplateCategory.Marketing, "fr") => "Répondez STOP pour vous désabonner",
        (TemplateCategory.Marketing, _) => "Reply STOP to opt out",
        (_, "es") => "Gracias por elegirnos",
        (_, "pt") => "Obrigado por nos escolher",
        (_, "fr") => "Merci de nous avoir choisis",
        _ => "Thank you for choosing us",
    };

    private static List<TemplateButton> Buttons(IReadOnlyList<ButtonWish> wishes, PurposeKind? kind, string category, string lang)
    {
        var urlLabel = kind is null ? "See details" : PurposeKinds.Pick(kind.UrlLabels, lang);
        var buttons = new List<TemplateButton>();

        // Quick replies first and together (buttons.quick_reply), then call-to-action buttons; wishes still
        // waiting for their URL or number are left out until the user gives them.
        buttons.AddRange(wishes.Where(w => w.Type == TemplateButton.QuickReplyType && !string.IsNullOrWhiteSpace(w.Text)).Select(w => new QuickReplyButton(w.Text!)));
        foreach (var wish in wishes.Where(w => w.Type != TemplateButton.QuickReplyType))
        {
            if (wish.Type == TemplateButton.UrlType && wish.Url is { } url)
            {
                buttons.Add(new UrlButton(wish.Text ?? urlLabel, url) { Example = url.EndsWith("{{1}}", StringComparison.Ordinal) ? "ABC123" : null });
            }
            else if (wish.Type == TemplateButton.PhoneNumberType && wish.PhoneNumber is { } phone)
            {
                buttons.Add(new PhoneNumberButton(wish.Text ?? PurposeKinds.Pick(PurposeKinds.PhoneLabels, lang), phone));
            }
        }

        return buttons;
    }

    /// <summary>Buttons for "with buttons" and no more detail: answers that fit the purpose.</summary>
    internal static IReadOnlyList<string> DefaultQuickReplies(PurposeKind? kind, string category, string lang)
    {
        if (category == TemplateCategory.Marketing)
        {
            return lang switch
            {
                "es" => ["Me interesa", "Darme de baja"],
                "pt" => ["Tenho interesse", "Parar promoções"],
                "fr" => ["Ça m'intéresse", "Stop promotions"],
                _ => ["I'm interested", "Stop promotions"],
            };
        }

        return (kind?.Key, lang) switch
        {
            ("appointment_reminder" or "booking_confirmation", "es") => ["Confirmar", "Cambiar fecha"],
            ("appointment_reminder" or "booking_confirmation", "pt") => ["Confirmar", "Remarcar"],
            ("appointment_reminder" or "booking_confirmation", "fr") => ["Confirmer", "Reporter"],
            ("appointment_reminder" or "booking_confirmation", _) => ["Confirm", "Reschedule"],
            (_, "es") => ["Gracias", "Tengo una pregunta"],
            (_, "pt") => ["Obrigado", "Tenho uma dúvida"],
            (_, "fr") => ["Merci", "J'ai une question"],
            _ => ["Thanks", "I have a question"],
        };
    }
}
