using System.Text;
using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Templates;
using M = Concierge.Skills.Templates.Builder.TemplateMemory;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// One turn's decision: merge the checked proposal into memory, build the draft, fix and validate it,
/// compute what is missing (by code, in a fixed order) and choose ASK, DRAFT or FINAL with a reply
/// that describes exactly that state.
/// </summary>
internal sealed class TemplateDecision(TemplateValidator validator, TemplateState state, string? lastAction, DateTimeOffset now, TemplateProposal proposal)
{
    private const string Confirm = "confirm";
    private const string Final = "final";

    private readonly List<string> _notes = [];

    public SkillDecision Decide()
    {
        var prior = state.Memory;
        var startedFresh = M.GetString(prior, M.Purpose) is null || proposal.NewTemplate;
        var memory = proposal.NewTemplate ? Reset(prior) : (JsonObject)prior.DeepClone();
        var updates = MemoryRules.Sanitize(proposal.MemoryUpdates, validator.Languages);
        memory = M.Merge(memory, updates);
        StateReaderNotes(memory);
        Complete(memory, updates);

        TemplateDraft? draft;
        IReadOnlyList<AppliedFix> fixes = [];
        if (proposal.Draft is { } proposed)
        {
            (draft, fixes) = TemplateFixes.Apply(proposed, proposed.Language, validator.Languages);
            var broken = validator.Validate(draft).Where(v => v.IsError).ToList();
            if (broken.Count > 0)
            {
                return SkillDecision.Rejected($"the model's draft breaks {string.Join(", ", broken.Select(b => b.Code).Distinct())}: {broken[0].Message}");
            }

            MemoryRules.SyncFromDraft(memory, draft);
        }
        else
        {
            draft = DraftComposer.Compose(memory);
            if (draft is not null)
            {
                (draft, fixes) = TemplateFixes.Apply(draft, draft.Language, validator.Languages);
                KeepFixes(memory, draft, fixes);
            }
        }

        var violations = draft is null ? [] : validator.Validate(draft);
        var errors = violations.Where(v => v.IsError).ToList();
        var missing = Missing(memory, draft, errors);
        if (proposal.Source == ProposalSource.Model && proposal.Accepted && missing.Count > 0)
        {
            return SkillDecision.Rejected($"the model accepted a template that is not complete (missing: {string.Join(", ", missing)})");
        }

        var draftJson = draft is null ? null : TemplateDraftJson.ToJson(draft);
        var changed = !JsonNode.DeepEquals(draftJson, state.Draft);
        var action = Action(missing, changed, startedFresh, memory, lastAction);
        var lang = M.GetString(memory, M.ReplyLanguage) ?? LanguageSense.English;
        memory[M.Pending] = action switch
        {
            TemplateSkill.AskAction => PendingFor(missing[0]),
            TemplateSkill.DraftAction => Confirm,
            _ => Final,
        };

        var finalPayload = action == TemplateSkill.FinalAction ? MetaTemplatePayload.Build(draft!, validator) : null;
        var newlyFinal = action == TemplateSkill.FinalAction && (lastAction != TemplateSkill.FinalAction || changed);
        var startsNewDraft = draftJson is not null && lastAction == TemplateSkill.FinalAction && (changed || proposal.NewTemplate);
        var next = new TemplateState
        {
            Memory = memory,
            Draft = draftJson,
            DraftId = draftJson is null ? null : startsNewDraft || state.DraftId is null ? Guid.CreateVersion7(now) : state.DraftId,
            FinalPayload = finalPayload,
        };

        // Only a changed payload goes to the template list: a "thanks" after FINAL must not reset a
        // template Meta has already approved back to DRAFT.
        var payloadChanged = finalPayload is not null && !JsonNode.DeepEquals(finalPayload, state.FinalPayload);
        return new SkillDecision
        {
            Action = action,
            Reply = ReplyPlan.Text(Reply(action, missing, draft, fixes, violations, errors, memory, lang, lastAction, changed)),
            State = TemplateSkill.Save(next),
            Missing = missing,
            Effects = payloadChanged ? [new TemplateFinalized((JsonObject)finalPayload!.DeepClone())] : [],
            Events = newlyFinal
                ? [new DomainEvent("template_finalized", new JsonObject { ["name"] = draft!.Name, ["language"] = draft.Language, ["category"] = draft.Category })]
                : [],
        };
    }

    /// <summary>
    /// ASK while anything is missing; FINAL when the user accepts the draft they saw, or when the first
    /// message of a template named its language and settled everything else; otherwise DRAFT. A FINAL
    /// template stays FINAL until something changes it.
    /// </summary>
    private string Action(List<string> missing, bool changed, bool startedFresh, JsonObject memory, string? lastAction)
    {
        if (missing.Count > 0)
        {
            return TemplateSkill.AskAction;
        }

        var shown = lastAction is TemplateSkill.DraftAction or TemplateSkill.FinalAction;
        if (proposal.Accepted && shown && !changed)
        {
            return TemplateSkill.FinalAction;
        }

        if (startedFresh && M.GetString(memory, M.LanguageSource) == "explicit")
        {
            return TemplateSkill.FinalAction;
        }

        return lastAction == TemplateSkill.FinalAction && !changed ? TemplateSkill.FinalAction : TemplateSkill.DraftAction;
    }

    /// <summary>
    /// Writes the fixed values back over what the user gave, so a fix is stated once and the next turn
    /// starts from the repaired text (composed parts are rewritten every turn and need nothing).
    /// </summary>
    private static void KeepFixes(JsonObject memory, TemplateDraft draft, IReadOnlyList<AppliedFix> fixes)
    {
        if (fixes.Count == 0)
        {
            return;
        }

        if (M.GetString(memory, M.BodyText) is not null && draft.Body is { Text: { } text } body)
        {
            memory[M.BodyText] = text;
            memory[M.BodyExamples] = M.ToArray(body.Examples);
        }

        if (M.GetString(memory, M.Name) is not null)
        {
            memory[M.Name] = draft.Name;
        }

        var wishes = M.GetButtons(memory);
        if (wishes.Any(w => w.Text is { Length: > TemplateRules.MaxButtonLabelLength }))
        {
            memory[M.Buttons] = M.ToArray(wishes.Select(w => w.Text is { Length: > TemplateRules.MaxButtonLabelLength } label ? w with { Text = TemplateFixes.ShortenLabel(label) } : w));
        }
    }

    /// <summary>What is still needed, in a fixed order: purpose, category, language, body, header/footer/buttons decisions, button details, then broken rules.</summary>
    internal static List<string> Missing(JsonObject memory, TemplateDraft? draft, IReadOnlyList<RuleViolation> errors)
    {
        var missing = new List<string>();
        if (M.GetString(memory, M.Purpose) is null)
        {
            missing.Add(M.Purpose);
        }

        var category = M.GetString(memory, M.Category);
        if (category is null)
        {
            missing.Add(M.Category);
        }

        if (M.GetString(memory, M.LanguagePref) is null)
        {
            missing.Add(TemplateBuilderMissing.Language);
        }

        if (category != TemplateCategory.Authentication)
        {
            if (M.GetString(memory, M.BodyText) is null && PurposeKinds.Find(M.GetString(memory, M.PurposeKind)) is null)
            {
                missing.Add(TemplateBuilderMissing.BodyText);
            }

            foreach (var key in new[] { M.WantsHeader, M.WantsFooter, M.WantsButtons })
            {
                if (M.GetBool(memory, key) is null)
                {
                    missing.Add(key);
                }
            }

            if (M.GetBool(memory, M.WantsButtons) == true)
            {
                var buttons = M.GetButtons(memory);
                if (buttons.Any(b => b.Type == TemplateButton.UrlType && b.Url is null))
                {
                    missing.Add(TemplateBuilderMissing.ButtonUrl);
                }

                if (buttons.Any(b => b.Type == TemplateButton.PhoneNumberType && b.PhoneNumber is null))
                {
                    missing.Add(TemplateBuilderMissing.ButtonPhone);
                }
            }
        }

        if (missing.Count == 0 && draft is null)
        {
            missing.Add(TemplateBuilderMissing.BodyText);
        }

        missing.AddRange(errors.Select(e => e.Code).Distinct());
        return missing;
    }

    /// <summary>What a short answer to the question for <paramref name="missing"/> fills (a rule on the header is answered with a header).</summary>
    private static string PendingFor(string missing) => missing switch
    {
        TemplateRules.HeaderText => M.WantsHeader,
        TemplateRules.FooterText => M.WantsFooter,
        TemplateRules.ButtonsText or TemplateRules.ButtonsCount or TemplateRules.ButtonsQuickReply => M.WantsButtons,
        TemplateRules.BodyLength or TemplateRules.BodyRequired => M.BodyText,
        _ when missing.StartsWith("params.", StringComparison.Ordinal) => M.BodyText,
        TemplateBuilderMissing.Language => M.LanguagePref,
        _ => missing,
    };

    /// <summary>A new template keeps who the business is and how they write; everything about the old template goes.</summary>
    private static JsonObject Reset(JsonObject prior)
    {
        var fresh = new JsonObject();
        foreach (var key in new[] { M.BusinessType, M.ReplyLanguage, M.LanguagePref })
        {
            if (prior[key] is { } value)
            {
                fresh[key] = value.DeepClone();
            }
        }

        if (fresh.ContainsKey(M.LanguagePref))
        {
            fresh[M.LanguageSource] = "inferred";
        }

        return fresh;
    }

    private void StateReaderNotes(JsonObject memory)
    {
        var lang = M.GetString(memory, M.ReplyLanguage) ?? LanguageSense.English;
        foreach (var note in proposal.Notes)
        {
            if (note.StartsWith("url:", StringComparison.Ordinal))
            {
                _notes.Add(TemplateReplies.AddedScheme(lang, note[4..]));
            }
        }
    }

    /// <summary>Fills what follows from what is known: category from the purpose, a default language, AUTHENTICATION's fixed form.</summary>
    private void Complete(JsonObject memory, JsonObject updates)
    {
        var lang = M.GetString(memory, M.ReplyLanguage) ?? LanguageSense.English;
        var kind = PurposeKinds.Find(M.GetString(memory, M.PurposeKind));
        if (M.GetString(memory, M.Purpose) is null && M.GetString(memory, M.BodyText) is { } body)
        {
            var words = TemplateText.MaskVariables(body, ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim(',', '.', '!', '?', ';', ':', '¡', '¿')).Where(w => w.Any(char.IsLetter)).Take(6);
            memory[M.Purpose] = string.Join(' ', words);
        }

        if (M.GetString(memory, M.Category) is null)
        {
            var guessed = kind ?? (M.GetString(memory, M.BodyText) is { } written ? PurposeKinds.Recognise(TextScan.Fold(written)) : null);
            if (guessed is not null)
            {
                memory[M.Category] = guessed.Category;
            }
        }

        if (M.GetString(memory, M.LanguagePref) is null && M.GetString(memory, M.Purpose) is not null)
        {
            memory[M.LanguagePref] = LanguageSense.DefaultCode(lang);
            memory[M.LanguageSource] = "inferred";
        }

        if (M.GetString(memory, M.Category) != TemplateCategory.Authentication)
        {
            return;
        }

        // Meta presets AUTHENTICATION templates: custom text and buttons cannot be kept, and the user is told so.
        var custom = proposal.AskedCustomAuthText
            || new[] { M.HeaderText, M.FooterText, M.BodyText, M.Buttons }.Any(k => updates[k] is JsonValue or JsonArray { Count: > 0 })
            || M.GetBool(updates, M.WantsHeader) == true;
        foreach (var key in new[] { M.HeaderText, M.FooterText, M.BodyText, M.BodyExamples, M.Buttons, M.Variables, M.WantsHeader, M.WantsFooter, M.WantsButtons })
        {
            memory.Remove(key);
        }

        if (custom)
        {
            _notes.Add(TemplateReplies.AuthFixedForm(lang));
        }

        if (kind?.Key != PurposeKinds.Verification)
        {
            memory[M.PurposeKind] = PurposeKinds.Verification;
            if (M.GetString(memory, M.Purpose) is null)
            {
                memory[M.Purpose] = PurposeKinds.Pick(PurposeKinds.All[0].Labels, lang);
            }
        }

        if (M.GetInt(memory, M.CodeExpirationMinutes) is { } minutes and (< TemplateRules.MinCodeExpirationMinutes or > TemplateRules.MaxCodeExpirationMinutes))
        {
            var set = Math.Clamp(minutes, TemplateRules.MinCodeExpirationMinutes, TemplateRules.MaxCodeExpirationMinutes);
            memory[M.CodeExpirationMinutes] = set;
            _notes.Add(TemplateReplies.ExpiryClamped(lang, minutes, set));
        }
    }

    private string Reply(
        string action,
        List<string> missing,
        TemplateDraft? draft,
        IReadOnlyList<AppliedFix> fixes,
        IReadOnlyList<RuleViolation> violations,
        List<RuleViolation> errors,
        JsonObject memory,
        string lang,
        string? lastAction,
        bool changed)
    {
        var reply = new StringBuilder();
        foreach (var line in _notes.Concat(fixes.Select(f => TemplateReplies.Fix(lang, f))))
        {
            reply.AppendLine(line);
        }

        switch (action)
        {
            case TemplateSkill.AskAction:
                if (draft is not null && errors.Count > 0)
                {
                    reply.AppendLine(TemplateReplies.DraftSoFar(lang)).AppendLine(TemplateReplies.Render(draft, lang)).AppendLine();
                }

                reply.Append(TemplateReplies.Ask(missing[0], lang, errors, M.GetString(memory, M.Purpose)));
                break;
            case TemplateSkill.DraftAction:
                if (!changed && !proposal.Understood && lastAction == TemplateSkill.DraftAction)
                {
                    reply.AppendLine(TemplateReplies.NotUnderstood(lang)).AppendLine();
                }
                else if (proposal.Declined)
                {
                    reply.AppendLine(TemplateReplies.WhatToChange(lang, draft!));
                    break;
                }

                reply.AppendLine(ModelLine(action) ?? TemplateReplies.DraftIntro(lang, draft!)).AppendLine(TemplateReplies.Render(draft!, lang));
                AppendAdvice(reply, violations, lang);
                reply.AppendLine().Append(TemplateReplies.DraftOutro(lang));
                break;
            default:
                if (lastAction == TemplateSkill.FinalAction && !changed)
                {
                    reply.Append(TemplateReplies.FinalKept(lang, draft!));
                    break;
                }

                reply.AppendLine(ModelLine(action) ?? TemplateReplies.FinalIntro(lang, draft!)).AppendLine(TemplateReplies.Render(draft!, lang));
                AppendAdvice(reply, violations, lang);
                reply.AppendLine().Append(TemplateReplies.FinalOutro(lang));
                break;
        }

        return reply.ToString().Trim();
    }

    /// <summary>The model's own words, only when they go with the decided action (acceptance with FINAL, no acceptance with DRAFT).</summary>
    private string? ModelLine(string action) =>
        proposal.Source == ProposalSource.Model && !string.IsNullOrWhiteSpace(proposal.Reply)
        && (action == TemplateSkill.FinalAction) == proposal.Accepted
            ? proposal.Reply.Trim()
            : null;

    private static void AppendAdvice(StringBuilder reply, IReadOnlyList<RuleViolation> violations, string lang)
    {
        if (violations.Any(v => v.Code == TemplateRules.MarketingOptOut))
        {
            reply.AppendLine(TemplateReplies.OptOutAdvice(lang));
        }
    }
}
