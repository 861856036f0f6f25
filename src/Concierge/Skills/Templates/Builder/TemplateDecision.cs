using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Templates;
using M = Concierge.Skills.Templates.Builder.TemplateMemoryKeys;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// One turn's decision: merge the checked proposal into memory, build the draft, fix and validate it,
/// compute what is missing (by code, in a fixed order) and choose ASK, DRAFT or FINAL with a reply
/// that describes exactly that state.
/// </summary>
internal sealed class TemplateDecision(TemplateValidator validator, TemplateState state, string? lastAction, DateTimeOffset now, TemplateProposal proposal, string userText)
{
    private const string Confirm = "confirm";
    private const string Final = "final";

    private readonly List<string> _notes = [];

    public SkillDecision Decide()
    {
        var prior = state.Memory;
        var startedFresh = prior.Purpose is null || proposal.NewTemplate;
        var (memory, given) = MemoryRules.Apply(proposal.NewTemplate ? Reset(prior) : prior, proposal.MemoryUpdates, validator.Languages);
        if (proposal.Source == ProposalSource.Model)
        {
            memory = Provenance.Uninvent(memory, prior, userText);
        }

        StateReaderNotes(memory);
        memory = Complete(memory, given);
        memory = OptionalParts.AcceptSuggestion(memory, prior.Pending, proposal.AcceptedSuggestion);
        if (proposal.Accepted)
        {
            memory = OptionalParts.Settle(memory);
        }

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

            var synced = MemoryRules.SyncFromDraft(memory, draft);
            memory = Provenance.Uninvent(synced, prior, userText);

            // The model wrote a header, footer or button the user never asked for: the server composes
            // the draft from what the user did say instead.
            if (memory != synced)
            {
                draft = DraftComposer.Compose(memory);
            }
        }
        else
        {
            draft = DraftComposer.Compose(memory);
            if (draft is not null)
            {
                (draft, fixes) = TemplateFixes.Apply(draft, draft.Language, validator.Languages);
                memory = KeepFixes(memory, draft, fixes);
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
        var lang = memory.ReplyLanguage ?? LanguageSense.English;
        memory = memory with
        {
            Pending = action switch
            {
                TemplateSkill.AskAction => PendingFor(missing[0]),
                TemplateSkill.DraftAction => Confirm,
                _ => Final,
            },
        };
        if (action == TemplateSkill.FinalAction)
        {
            // FINAL settles what was never mentioned: not wanted.
            memory = OptionalParts.Settle(memory);
        }

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
        // The offer of optional parts goes with the first draft only: once seen (then pending is confirm,
        // or a part's question), it is not repeated.
        var offer = action == TemplateSkill.DraftAction && prior.Pending is not (Confirm or Final or M.WantsHeader or M.WantsFooter or M.WantsButtons) && OptionalParts.Unsettled(memory);
        return new SkillDecision
        {
            Action = action,
            Reply = ReplyPlan.Text(new TemplateReplyWriter(proposal, _notes).Write(action, missing, draft, fixes, violations, errors, memory, lang, lastAction, changed, offer)),
            State = TemplateSkill.Save(next),
            Missing = missing,
            Choices = TemplateChoices.For(action, missing),
            Effects = payloadChanged ? [new TemplateFinalized((JsonObject)finalPayload!.DeepClone())] : [],
            Events = newlyFinal
                ? [new DomainEvent("template_finalized", new JsonObject { ["name"] = draft!.Name, ["language"] = draft.Language, ["category"] = draft.Category })]
                : [],
        };
    }

    /// <summary>
    /// ASK while anything is missing; FINAL when the user accepts the draft they saw, or when the first
    /// message of a template named its language (or accepted outright) and settled everything else;
    /// otherwise DRAFT. A FINAL template stays FINAL until something changes it.
    /// </summary>
    private string Action(List<string> missing, bool changed, bool startedFresh, TemplateMemory memory, string? lastAction)
    {
        if (missing.Count > 0)
        {
            return TemplateSkill.AskAction;
        }

        var shown = lastAction is TemplateSkill.DraftAction or TemplateSkill.FinalAction || (lastAction == TemplateSkill.AskAction && state.Draft is not null);
        if (proposal.Accepted && (shown || startedFresh) && !changed)
        {
            return TemplateSkill.FinalAction;
        }

        if (startedFresh && (memory.LanguageSource == "explicit" || proposal.Accepted))
        {
            return TemplateSkill.FinalAction;
        }

        return lastAction == TemplateSkill.FinalAction && !changed ? TemplateSkill.FinalAction : TemplateSkill.DraftAction;
    }

    /// <summary>
    /// Writes the fixed values back over what the user gave, so a fix is stated once and the next turn
    /// starts from the repaired text (composed parts are rewritten every turn and need nothing).
    /// </summary>
    private static TemplateMemory KeepFixes(TemplateMemory memory, TemplateDraft draft, IReadOnlyList<AppliedFix> fixes)
    {
        if (fixes.Count == 0)
        {
            return memory;
        }

        if (memory.BodyText is not null && draft.Body is { Text: { } text } body)
        {
            memory = memory with { BodyText = text, BodyExamples = [.. body.Examples] };
        }

        if (memory.Name is not null)
        {
            memory = memory with { Name = draft.Name };
        }

        var wishes = memory.ButtonList;
        if (wishes.Any(w => w.Text is { Length: > TemplateRules.MaxButtonLabelLength }))
        {
            memory = memory with { Buttons = [.. wishes.Select(w => w.Text is { Length: > TemplateRules.MaxButtonLabelLength } label ? w with { Text = TemplateFixes.ShortenLabel(label) } : w)] };
        }

        return memory;
    }

    /// <summary>
    /// What is still needed, in a fixed order: purpose, category, language, body, the text of an optional
    /// part the user asked for without saying it, button details, then broken rules. An optional part
    /// the user never mentioned is not missing: it is not wanted.
    /// </summary>
    internal static List<string> Missing(TemplateMemory memory, TemplateDraft? draft, IReadOnlyList<RuleViolation> errors)
    {
        var missing = new List<string>();
        if (memory.Purpose is null)
        {
            missing.Add(M.Purpose);
        }

        if (memory.Category is null)
        {
            missing.Add(M.Category);
        }

        if (memory.LanguagePref is null)
        {
            missing.Add(TemplateBuilderMissing.Language);
        }

        if (memory.Category != TemplateCategory.Authentication)
        {
            if (memory.BodyText is null && PurposeKinds.Find(memory.PurposeKind) is null && !DescribedBody.CanCompose(memory.Purpose))
            {
                missing.Add(TemplateBuilderMissing.BodyText);
            }

            if (memory.WantsHeader == true && memory.HeaderText is null)
            {
                missing.Add(M.HeaderText);
            }

            if (memory.WantsFooter == true && memory.FooterText is null)
            {
                missing.Add(M.FooterText);
            }

            if (memory.WantsButtons == true)
            {
                var buttons = memory.ButtonList;
                if (buttons.Count == 0)
                {
                    missing.Add(M.Buttons);
                }

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
        TemplateRules.HeaderText or M.HeaderText => M.WantsHeader,
        M.FooterText => M.WantsFooter,
        M.Buttons => M.WantsButtons,
        TemplateRules.FooterText => M.WantsFooter,
        TemplateRules.ButtonsText or TemplateRules.ButtonsCount or TemplateRules.ButtonsQuickReply => M.WantsButtons,
        TemplateRules.BodyLength or TemplateRules.BodyRequired => M.BodyText,
        _ when missing.StartsWith("params.", StringComparison.Ordinal) => M.BodyText,
        TemplateBuilderMissing.Language => M.LanguagePref,
        _ => missing,
    };

    /// <summary>A new template keeps who the business is and how they write; everything about the old template goes.</summary>
    private static TemplateMemory Reset(TemplateMemory prior) => new()
    {
        BusinessType = prior.BusinessType,
        ReplyLanguage = prior.ReplyLanguage,
        LanguagePref = prior.LanguagePref,
        LanguageSource = prior.LanguagePref is null ? null : "inferred",
    };

    private void StateReaderNotes(TemplateMemory memory)
    {
        var lang = memory.ReplyLanguage ?? LanguageSense.English;
        foreach (var note in proposal.Notes)
        {
            if (note.StartsWith("url:", StringComparison.Ordinal))
            {
                _notes.Add(TemplateReplies.AddedScheme(lang, note[4..]));
            }
        }
    }

    /// <summary>Fills what follows from what is known: category from the purpose, a default language, AUTHENTICATION's fixed form.</summary>
    private TemplateMemory Complete(TemplateMemory memory, IReadOnlySet<string> given)
    {
        var lang = memory.ReplyLanguage ?? LanguageSense.English;
        var kind = PurposeKinds.Find(memory.PurposeKind);
        if (memory.Purpose is null && memory.BodyText is { } body)
        {
            var words = TemplateText.MaskVariables(body, ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim(',', '.', '!', '?', ';', ':', '¡', '¿')).Where(w => w.Any(char.IsLetter)).Take(6);
            memory = memory with { Purpose = string.Join(' ', words) };
        }

        if (memory.Category is null)
        {
            var guessed = kind?.Category
                ?? (memory.BodyText is { } written ? PurposeKinds.Recognise(TextScan.Fold(written))?.Category ?? CategorySense.Guess(TextScan.Fold(written)) : null)
                ?? (memory.Purpose is { } purpose ? CategorySense.Guess(TextScan.Fold(purpose)) : null);
            memory = memory with { Category = guessed };
        }

        // A language taken from how the user writes follows them when a later message shows it better
        // ("aviso de entrega" could be Spanish; "adiciona o cabeçalho" is Portuguese), until FINAL.
        if (memory.LanguageSource == "inferred" && given.Contains(M.ReplyLanguage) && !given.Contains(M.LanguagePref) && TextScan.WordCount(userText) >= 3
            && lastAction != TemplateSkill.FinalAction && !proposal.Accepted && LanguageSense.BaseOf(memory.LanguagePref) != lang)
        {
            memory = memory with { LanguagePref = LanguageSense.DefaultCode(lang) };
        }

        if (memory.LanguagePref is null && memory.Purpose is not null)
        {
            memory = memory with { LanguagePref = LanguageSense.DefaultCode(lang), LanguageSource = "inferred" };
        }

        if (memory.Category != TemplateCategory.Authentication)
        {
            return memory;
        }

        // Meta presets AUTHENTICATION templates: custom text and buttons cannot be kept, and the user is told so.
        var custom = proposal.AskedCustomAuthText
            || (given.Contains(M.HeaderText) && memory.HeaderText is not null)
            || (given.Contains(M.FooterText) && memory.FooterText is not null)
            || (given.Contains(M.BodyText) && memory.BodyText is not null)
            || (given.Contains(M.Buttons) && memory.ButtonList.Count > 0)
            || (given.Contains(M.WantsHeader) && memory.WantsHeader == true);
        memory = memory with
        {
            HeaderText = null,
            FooterText = null,
            BodyText = null,
            BodyExamples = null,
            Buttons = null,
            Variables = null,
            WantsHeader = null,
            WantsFooter = null,
            WantsButtons = null,
        };
        if (custom)
        {
            _notes.Add(TemplateReplies.AuthFixedForm(lang));
        }

        if (kind?.Key != PurposeKinds.Verification)
        {
            memory = memory with { PurposeKind = PurposeKinds.Verification, Purpose = memory.Purpose ?? PurposeKinds.Pick(PurposeKinds.All[0].Labels, lang) };
        }

        if (memory.CodeExpirationMinutes is { } minutes and (< TemplateRules.MinCodeExpirationMinutes or > TemplateRules.MaxCodeExpirationMinutes))
        {
            var set = Math.Clamp(minutes, TemplateRules.MinCodeExpirationMinutes, TemplateRules.MaxCodeExpirationMinutes);
            memory = memory with { CodeExpirationMinutes = set };
            _notes.Add(TemplateReplies.ExpiryClamped(lang, minutes, set));
        }

        return memory;
    }
}
