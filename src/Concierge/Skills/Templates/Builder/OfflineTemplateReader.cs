using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using M = Concierge.Skills.Templates.Builder.TemplateMemoryKeys;
using W = Concierge.Skills.Templates.Builder.ReaderLexicon;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The offline interpreter of the template builder: deterministic rules for English, Spanish,
/// Portuguese and French that read one message into memory updates. It only proposes; the skill's
/// Apply decides. What the last reply asked (memory's <c>pending</c>) gives short answers a meaning.
/// </summary>
public sealed partial class OfflineTemplateReader(TemplateLanguages languages)
{
    public OfflineTemplateReader()
        : this(TemplateLanguages.Default)
    {
    }

    [GeneratedRegex("\"([^\"\\n]{1,300})\"|“([^”\\n]{1,300})”|«\\s*([^»\\n]{1,300}?)\\s*»|(?<![\\p{L}\\p{N}])'((?:[^'\\n]|(?<=\\p{L})'(?=\\p{L})){1,150}?)'(?![\\p{L}\\p{N}])")]
    private static partial Regex QuotePattern();

    [GeneratedRegex(@"https?://[^\s""'“”«»<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<![@\w/.])(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|shop|store|app|es|mx|br|fr|ar|cl|pe|uk|ca|info|biz|pt|de|it|eu|us|nl|be|ch)(?:/[^\s""'“”«»<>]*)?(?![\w.])", RegexOptions.IgnoreCase)]
    private static partial Regex BareDomainPattern();

    [GeneratedRegex(@"(?<![\w#/$€£.,])\+?\(?\d[\d\s().-]{5,}\d(?![\w/%])")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\{\{[^{}]*\}\}|\{\{|\}\}")]
    private static partial Regex VariableLike();

    [GeneratedRegex(@"(\d{1,3})\s*(?:minutes?|mins?\b|minutos?|mn\b)", RegexOptions.IgnoreCase)]
    private static partial Regex MinutesPattern();

    [GeneratedRegex(@"[a-z0-9][a-z0-9\-]*|[.;!?]")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"(?:\btemplate\s+name|\bname\s+it|\bcall\s+it|\btemplate\s+(?:named|called)|\bplantilla\s+llamada|\bll[aá]mal[ao]|\bmodelo\s+chamado|\bnomm[ée]\b|\b(?:name|nombre|nome|nom)\s*[:=])\s*[:=]?\s*[""'“«]?(?<n>[A-Za-z0-9_\-]{2,80})", RegexOptions.IgnoreCase)]
    private static partial Regex NamePattern();

    private const string ComponentAlternatives =
        @"header|heading|title|encabezado|cabecera|t[ií]tulo|cabe[cç]alho|en-t[eê]te|ent[eê]te|titre|footer|pie de p[aá]gina|pie|rodap[eé]|pied de page|pied|buttons?|bot[oó]n|botones|bot[aã]o|bot[oõ]es|boutons?|quick repl(?:y|ies)";

    [GeneratedRegex(@"\b(?<c>header|heading|title|encabezado|cabecera|t[ií]tulo|cabe[cç]alho|en-t[eê]te|ent[eê]te|titre|footer|pie de p[aá]gina|pie|rodap[eé]|pied de page|pied|body|cuerpo|corpo|corps|text|texto|texte|message|mensaje|mensagem)\s*(?::|=|\s-\s|\s(?:saying|that says|should say|says|que diga|que dice|dice|debe decir|dizendo|que diz|diz|deve dizer|disant|qui dit|dit|doit dire))\s*(?=(?<t>[^\n]+))", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledTextPattern();

    [GeneratedRegex(@"\b(?:change|set|update|make|cambia|cambiar|pon|pone|ponle|muda|mude|mudar|troca|troque|coloca|modifie|modifiez|mets|mettez|change)\s+(?:the |el |la |o |a |le |l'|du )?(?<c>header|heading|title|encabezado|cabecera|t[ií]tulo|cabe[cç]alho|en-t[eê]te|titre|footer|pie de p[aá]gina|pie|rodap[eé]|pied de page|pied)\s+(?:to |into |a |por |para |en |pour |par |as |como |em |=\s*)?(?=(?<t>[^\n]+))", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeTextPattern();

    private const string BeforeNextComponent =
        @"(?:\s*,\s*|\s+(?:and|y|e|et|with|con|com|avec|plus|but|pero|mas|mais)\s+)(?:(?:no|without|sin|sem|sans|not|a|an|the|un|una|um|uma|le|la|el|o|des|los|las|any|un)\s+)*(?=(?:" + ComponentAlternatives + @")\b)";

    [GeneratedRegex(@"(?:[.;!?](?:\s|$))|" + BeforeNextComponent, RegexOptions.IgnoreCase)]
    private static partial Regex TextEnd();

    [GeneratedRegex(@"(?:[.;!?]\s+(?:(?:no|without|sin|sem|sans)\s+)?(?=(?:" + ComponentAlternatives + @")\b))|" + BeforeNextComponent, RegexOptions.IgnoreCase)]
    private static partial Regex BodyEnd();

    [GeneratedRegex(@"\b(?:quick repl(?:y|ies)|buttons?|botones|bot[oõ]es|boutons|respuestas r[aá]pidas|respostas r[aá]pidas|r[eé]ponses rapides)\s*:\s*(?<t>[^\n.;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ButtonListPattern();

    // "with quick replies Confirm and Cancel", "botones Confirmar y Cancelar": capitalised labels joined by and/or.
    [GeneratedRegex(@"\b(?:quick repl(?:y|ies)|buttons?|botones|bot[oõ]es|boutons|respuestas r[aá]pidas|respostas r[aá]pidas|r[eé]ponses rapides)\s+(?<t>\p{Lu}[\p{L}'!]*(?:\s+[\p{L}'!]+)?(?:\s*(?:,|\band\b|\by\b|\be\b|\bet\b|\bor\b|\bou\b|\bo\b)\s*\p{Lu}[\p{L}'!]*(?:\s+[\p{Ll}'!]+)?)+)", RegexOptions.None)]
    private static partial Regex ButtonLabelsPattern();

    [GeneratedRegex(@"\s*(?:,|\bor\b|\band\b|\by\b|\be\b|\bet\b|\bou\b|\bo\b|/)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparator();

    private sealed record Quote(int Index, int Length, string Value);

    /// <summary>Reads <paramref name="text"/> in the light of <paramref name="memory"/> (what is known and what was asked).</summary>
    public TemplateProposal Read(string text, TemplateMemory memory)
    {
        var original = (text ?? string.Empty).Replace('’', '\'').Trim();
        var updates = new JsonObject();
        var notes = new List<string>();
        var pending = memory.Pending;

        var quotes = QuotePattern().Matches(original)
            .Select(m => new Quote(m.Index, m.Length, m.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value.Trim()))
            .Where(q => q.Value.Length > 0)
            .ToList();
        var withoutQuotes = TextScan.Blank(original, QuotePattern());
        var urls = FindUrls(withoutQuotes, notes);
        var masked = TextScan.Blank(TextScan.Blank(TextScan.Blank(withoutQuotes, UrlPattern()), BareDomainPattern()), VariableLike());
        var phones = PhonePattern().Matches(masked).Where(m => m.Value.Count(char.IsDigit) >= 7).Select(m => (m.Index, Value: m.Value.Trim())).ToList();
        masked = TextScan.Blank(masked, PhonePattern());
        var folded = TextScan.Fold(masked);

        var writing = LanguageSense.DetectWriting(masked);
        if (writing is not null)
        {
            updates[M.ReplyLanguage] = writing;
        }

        var replyLanguage = writing ?? memory.ReplyLanguage ?? LanguageSense.English;
        // A bare "sale" or "bora" accepts a shown draft (or answers a Spanish/Portuguese/French conversation);
        // only before any draft, in English, can a bare "sale" still be the purpose of a promotion.
        var bareYes = W.BareYes.Contains(folded.Trim(' ', '!', '.', ',', '¡'), StringComparer.Ordinal)
            && (pending is "confirm" or "final" || memory.ReplyLanguage is not (null or LanguageSense.English));
        var yes = bareYes || StartsWith(folded, W.Yes);
        var no = !yes && StartsWith(folded, W.No);

        // A new template: said so, or a different purpose asked for as a template.
        var recognised = bareYes ? null : PurposeKinds.Recognise(folded);

        // A promotion that names an order or a delivery ("free delivery this weekend", "20% off your next order") is a promotion.
        if (recognised?.Category == TemplateCategory.Utility && CategorySense.Guess(folded) == TemplateCategory.Marketing)
        {
            recognised = PurposeKinds.Find("promotion");
        }
        var hasPurpose = memory.Purpose is not null;
        var newTemplate = hasPurpose && (TextScan.HasAny(folded, W.NewTemplate)
            || (recognised is not null && recognised.Key != memory.PurposeKind && TextScan.HasAny(folded, W.TemplateWords)));

        var named = LanguageSense.NamedTemplateLanguage(folded, masked, languages);

        // "English please" answers a language, even when the question was the purpose: it is asked again.
        var onlyLanguage = named is not null && TextScan.WordCount(original) <= 5 && recognised is null;
        if (!onlyLanguage)
        {
            ReadPurpose(original, folded, pending, hasPurpose && !newTemplate, recognised, replyLanguage, yes || no, updates);
        }

        ReadCategory(folded, updates);
        if (updates[M.Category] is null && updates[M.Purpose] is not null && CategorySense.Guess(folded) is { } guessed)
        {
            updates[M.Category] = guessed;
        }

        if (named is not null)
        {
            updates[M.LanguagePref] = named;
            updates[M.LanguageSource] = "explicit";
        }

        if (BusinessTypes.Recognise(folded) is { } business)
        {
            updates[M.BusinessType] = business;
        }

        // "what does a header look like?" mentions a header without asking for one; "can you add a header?" does ask.
        var question = original.TrimEnd().EndsWith('?') && StartsWith(folded, W.QuestionWords);
        var wishes = question ? [] : ComponentWishes(folded);
        var texts = ReadTexts(original, masked, quotes, pending);
        var body = ReadBody(TextScan.Blank(TextScan.Blank(withoutQuotes, UrlPattern()), BareDomainPattern()), texts);
        ReadVariables(folded, memory, body, updates);
        if (body is not null)
        {
            updates[M.BodyText] = body;
            updates[M.BodyExamples] = null;
        }

        ApplyComponentText(M.HeaderText, M.WantsHeader, ReaderLexicon.Header, texts, wishes, updates);
        ApplyComponentText(M.FooterText, M.WantsFooter, ReaderLexicon.Footer, texts, wishes, updates);
        ReadButtons(masked, folded, texts, urls, phones, wishes, memory, updates);
        ReadExpiry(original, folded, memory, updates);
        if (NamePattern().Match(withoutQuotes) is { Success: true } name)
        {
            updates[M.Name] = name.Groups["n"].Value;
        }
        else if (QuoteAfterName(original, quotes) is { } quotedName)
        {
            updates[M.Name] = quotedName;
        }

        var accepted = false;
        var declined = false;
        var acceptedSuggestion = false;
        var answeredSomething = updates.Any(u => u.Key is not M.ReplyLanguage);
        var finalize = TextScan.HasAny(folded, W.Finalize);
        switch (pending)
        {
            case M.WantsHeader or M.WantsFooter or M.WantsButtons when finalize && !answeredSomething:
                // "no, just finalize it": the part asked about is not wanted, and the draft is accepted.
                accepted = true;
                break;
            case M.WantsHeader or M.WantsFooter or M.WantsButtons when yes && !updates.ContainsKey(pending):
                // A yes to the question's own suggestion: the only way a suggested text becomes content.
                acceptedSuggestion = true;
                break;
            case M.WantsHeader or M.WantsFooter or M.WantsButtons when no && !updates.ContainsKey(pending):
                updates[pending] = false;
                break;
            case "confirm" or "final" when (yes || finalize) && !answeredSomething:
                accepted = true;
                break;
            case "confirm" when OnlyRefusesParts(updates):
                // "no header, no footer, no buttons" to the offer settles all three: nothing left to add.
                accepted = true;
                break;
            case "confirm" when no && !answeredSomething:
                declined = true;
                break;
            case M.WantsHeader or M.WantsFooter or M.BodyText when !answeredSomething && !yes && !no && LooksLikeAnswer(original, pending):
                // The reply asked for this text: the whole answer is it.
                var answer = pending == M.BodyText ? TextScan.CleanBody(original) : TextScan.CleanQuoted(original);
                updates[pending switch { M.WantsHeader => M.HeaderText, M.WantsFooter => M.FooterText, _ => M.BodyText }] = answer;
                if (pending != M.BodyText)
                {
                    updates[pending] = true;
                }

                break;
            case M.WantsButtons when !answeredSomething && !yes && !no:
                var labels = SplitList(TextScan.CleanQuoted(original));
                if (labels.Count > 0)
                {
                    updates[M.WantsButtons] = true;
                    updates[M.Buttons] = MemoryRules.ToArray(labels.Select(l => new ButtonWish(TemplateButton.QuickReplyType, l)));
                }

                break;
        }

        return new TemplateProposal(ProposalSource.Offline)
        {
            MemoryUpdates = updates,
            Accepted = accepted || (finalize && pending is not ("confirm" or "final") && !answeredSomething && hasPurpose),
            AcceptedSuggestion = acceptedSuggestion,
            Declined = declined,
            NewTemplate = newTemplate,
            Notes = notes,
        };
    }

    private static bool OnlyRefusesParts(JsonObject updates)
    {
        var parts = updates.Where(u => u.Key is not (M.ReplyLanguage or M.HeaderText or M.FooterText or M.Buttons)).ToList();
        return parts.Count > 0 && parts.All(u => u.Key is M.WantsHeader or M.WantsFooter or M.WantsButtons && u.Value?.GetValueKind() == System.Text.Json.JsonValueKind.False);
    }

    /// <summary>
    /// A header or footer answer is a short line, not a question ("what does a header look like?" is not a header);
    /// a body answer has a few words.
    /// </summary>
    private static bool LooksLikeAnswer(string original, string? pending)
    {
        var words = TextScan.WordCount(original);
        return pending == M.BodyText
            ? words >= 3
            : words is > 0 and <= 10 && !original.TrimEnd().EndsWith('?');
    }

    private static bool StartsWith(string folded, IReadOnlyList<string> phrases)
    {
        var trimmed = folded.TrimStart(' ', '¡', '¿', '!', '.', ',', '-', '*');
        return phrases.Any(p => TextScan.IndexOfPhrase(trimmed, p) == 0);
    }

    /// <summary>Which components the message wants (true) or refuses (false), reading "no"/"sin"/"sem"/"sans" scopes.</summary>
    private static Dictionary<string, bool> ComponentWishes(string folded)
    {
        var canonical = folded;
        foreach (var (phrase, component) in W.ComponentWords.Where(w => w.Phrase.Contains(' ', StringComparison.Ordinal)))
        {
            canonical = Regex.Replace(canonical, $@"(?<![a-z0-9]){Regex.Escape(phrase)}(?![a-z0-9])", component);
        }

        var single = W.ComponentWords.Where(w => !w.Phrase.Contains(' ', StringComparison.Ordinal)).ToDictionary(w => w.Phrase, w => w.Component, StringComparer.Ordinal);
        var wishes = new Dictionary<string, bool>(StringComparer.Ordinal);
        var negating = false;
        var onlyBody = false;
        var tokens = TokenPattern().Matches(canonical).Select(m => m.Value).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token is "." or ";" or "!" or "?")
            {
                negating = false;
            }
            else if (W.Negations.Contains(token))
            {
                negating = true;
            }
            else if (W.Positives.Contains(token))
            {
                negating = false;
                if (token is "only" or "just" or "solo" or "solamente" or "apenas" or "seulement" or "uniquement"
                    && tokens.Skip(i + 1).Take(3).Any(t => single.TryGetValue(t, out var c) && c == W.Body))
                {
                    onlyBody = true;
                }
            }
            else if (single.TryGetValue(token, out var component) && component != W.Body)
            {
                wishes[component] = !negating;
            }
        }

        if (onlyBody)
        {
            foreach (var component in new[] { W.Header, W.Footer, W.Buttons })
            {
                wishes.TryAdd(component, false);
            }
        }

        return wishes;
    }

    /// <summary>Texts the message gives for components: quoted texts by the word before them, then "footer: ..." forms.</summary>
    private static Dictionary<string, List<(int Index, string Text)>> ReadTexts(string original, string masked, List<Quote> quotes, string? pending)
    {
        var texts = new Dictionary<string, List<(int, string)>>(StringComparer.Ordinal);
        void Add(string component, int index, string text) =>
            (texts.TryGetValue(component, out var list) ? list : texts[component] = []).Add((index, text));

        foreach (var quote in quotes)
        {
            var before = TextScan.Fold(masked[..quote.Index]);
            var tail = before.Length > 45 ? before[^45..] : before;
            var component = W.ComponentWords
                .Select(w => (w.Component, Index: LastIndexOfPhrase(tail, w.Phrase)))
                .Where(x => x.Index >= 0)
                .OrderByDescending(x => x.Index)
                .Select(x => x.Component)
                .FirstOrDefault();
            component ??= quote.Value.Contains("{{", StringComparison.Ordinal) ? W.Body
                : pending switch
                {
                    M.WantsHeader => W.Header,
                    M.WantsFooter => W.Footer,
                    M.WantsButtons => W.Buttons,
                    M.BodyText => W.Body,
                    _ => null,
                };
            if (component is not null)
            {
                Add(component, quote.Index, component == W.Body ? TextScan.CleanBody(quote.Value) : TextScan.CleanQuoted(quote.Value));
            }
        }

        foreach (var pattern in new[] { LabelledTextPattern(), ChangeTextPattern() })
        {
            foreach (Match match in pattern.Matches(original))
            {
                var component = ComponentOf(match.Groups["c"].Value);
                if (component is null || texts.ContainsKey(component))
                {
                    continue;
                }

                var value = match.Groups["t"].Value;
                if (component != W.Body)
                {
                    var end = TextEnd().Match(value);
                    value = end.Success ? value[..end.Index] : value;
                }
                else
                {
                    var end = BodyEnd().Match(value);
                    value = end.Success ? value[..end.Index] : value;
                }

                value = component == W.Body ? TextScan.CleanBody(value) : TextScan.CleanQuoted(value);
                if (value.Length is > 0 and <= 1024 && !IsQuoteOnly(value))
                {
                    Add(component, match.Index, value);
                }
            }
        }

        return texts;
    }

    private static bool IsQuoteOnly(string value) => value.All(c => !char.IsLetterOrDigit(c));

    private static string? ComponentOf(string word)
    {
        var folded = TextScan.Fold(word);
        return W.ComponentWords.FirstOrDefault(w => w.Phrase == folded).Component;
    }

    private static int LastIndexOfPhrase(string folded, string phrase)
    {
        var last = -1;
        for (var from = 0; from < folded.Length;)
        {
            var index = TextScan.IndexOfPhrase(folded[from..], phrase);
            if (index < 0)
            {
                break;
            }

            last = from + index;
            from = last + 1;
        }

        return last;
    }

    /// <summary>The body the user wrote: a quoted or labelled text, or the part of the message holding {{1}}.</summary>
    private static string? ReadBody(string original, Dictionary<string, List<(int Index, string Text)>> texts)
    {
        if (texts.TryGetValue(W.Body, out var bodies))
        {
            var withVariables = bodies.FirstOrDefault(b => b.Text.Contains("{{", StringComparison.Ordinal));
            var chosen = withVariables.Text ?? bodies.OrderByDescending(b => b.Text.Length).First().Text;
            if (TextScan.WordCount(chosen) >= 3 || chosen.Contains("{{", StringComparison.Ordinal))
            {
                return chosen;
            }
        }

        var first = original.IndexOf("{{", StringComparison.Ordinal);
        if (first < 0 || texts.Values.SelectMany(v => v).Any(t => t.Text.Contains("{{", StringComparison.Ordinal)))
        {
            return null;
        }

        // Unquoted: from the colon (or sentence start) before the first variable to the end or the next component.
        var start = Math.Max(original.LastIndexOf(':', first), original.LastIndexOfAny(['.', '!', '?', '\n'], first)) + 1;
        var rest = original[start..];
        var end = BodyEnd().Match(rest);
        var body = TextScan.CleanBody(end.Success ? rest[..end.Index] : rest);
        return body.Length > 0 ? body : null;
    }

    private static void ReadVariables(string folded, TemplateMemory memory, string? body, JsonObject updates)
    {
        var scanned = body is null ? folded : folded.Replace(TextScan.Fold(body), " ", StringComparison.Ordinal);
        var described = VariableKinds.Described(scanned);
        if (described.Count == 0)
        {
            return;
        }

        var existing = memory.VariableList;
        var adding = existing.Count > 0 && TextScan.HasAny(scanned, W.AddWords);
        var kinds = adding ? existing.Concat(described).Distinct().ToList() : described.ToList();

        // The greeting carries the name: keep it first so the composed body reads "Hello {{1}}, ...".
        if (body is null && kinds.Remove(VariableKinds.CustomerName))
        {
            kinds.Insert(0, VariableKinds.CustomerName);
        }

        updates[M.Variables] = MemoryRules.ToArray(kinds);
    }

    private static void ApplyComponentText(string textKey, string wantsKey, string component, Dictionary<string, List<(int Index, string Text)>> texts, Dictionary<string, bool> wishes, JsonObject updates)
    {
        if (texts.TryGetValue(component, out var list) && list.Count > 0)
        {
            updates[textKey] = list[^1].Text;
            updates[wantsKey] = true;
        }
        else if (wishes.TryGetValue(component, out var wanted))
        {
            updates[wantsKey] = wanted;
            if (!wanted)
            {
                updates[textKey] = null;
            }
        }
    }

    private static List<(int Index, string Url)> FindUrls(string text, List<string> notes)
    {
        var urls = UrlPattern().Matches(text).Select(m => (m.Index, Url: m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')'))).ToList();
        var blanked = TextScan.Blank(text, UrlPattern());
        foreach (Match match in BareDomainPattern().Matches(blanked))
        {
            var url = "https://" + match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')');
            urls.Add((match.Index, url));
            notes.Add($"url:{match.Value}");
        }

        return [.. urls.OrderBy(u => u.Index)];
    }

    private static void ReadExpiry(string original, string folded, TemplateMemory memory, JsonObject updates)
    {
        var authentication = (updates[M.Category]?.GetValue<string>() ?? memory.Category) == TemplateCategory.Authentication;
        if (!authentication && !TextScan.HasAny(folded, W.ExpiryWords))
        {
            return;
        }

        if (MinutesPattern().Match(original) is { Success: true } match)
        {
            updates[M.CodeExpirationMinutes] = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        else if (TextScan.HasAny(folded, ["1 hour", "an hour", "one hour", "una hora", "uma hora", "une heure"]))
        {
            updates[M.CodeExpirationMinutes] = 60;
        }
    }

    /// <summary>"name it 'spring_sale'": a quoted name right after a naming phrase.</summary>
    private static string? QuoteAfterName(string original, List<Quote> quotes)
    {
        foreach (var quote in quotes)
        {
            var before = TextScan.Fold(original[..quote.Index]).TrimEnd(' ', ':', '=');
            if (TextScan.HasAny(before.Length > 20 ? before[^20..] : before, ["name it", "call it", "template name", "named", "nombre", "nome", "nom"])
                && Regex.IsMatch(quote.Value, "^[A-Za-z0-9_ -]{2,80}$"))
            {
                return quote.Value;
            }
        }

        return null;
    }
}
