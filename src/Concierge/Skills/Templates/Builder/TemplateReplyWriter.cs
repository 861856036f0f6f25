using System.Text;
using M = Concierge.Skills.Templates.Builder.TemplateMemoryKeys;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// Words the decided state: the notes and fixes first, then the question, the draft or the final
/// template. It is built from the decision, so it cannot claim what the state does not hold.
/// </summary>
internal sealed class TemplateReplyWriter(TemplateProposal proposal, IReadOnlyList<string> notes)
{
    public string Write(
        string action,
        List<string> missing,
        TemplateDraft? draft,
        IReadOnlyList<AppliedFix> fixes,
        IReadOnlyList<RuleViolation> violations,
        List<RuleViolation> errors,
        TemplateMemory memory,
        string lang,
        string? lastAction,
        bool changed,
        bool offer)
    {
        var reply = new StringBuilder();
        foreach (var line in notes.Concat(fixes.Select(f => TemplateReplies.Fix(lang, f))))
        {
            reply.AppendLine(line);
        }

        switch (action)
        {
            case TemplateSkill.AskAction:
                if (draft is not null && (errors.Count > 0 || missing[0] is M.HeaderText or M.FooterText or M.Buttons))
                {
                    reply.AppendLine(TemplateReplies.DraftSoFar(lang)).AppendLine(TemplateReplies.Render(draft, lang)).AppendLine();
                }

                if (proposal.Accepted)
                {
                    reply.AppendLine(TemplateReplies.CannotFinalize(lang));
                }

                // After an answer to something else (a language) or no progress, the same bare question helps no one:
                // the three categories are offered with examples made of the user's own purpose.
                if (missing[0] == M.Category && memory.Purpose is { } purpose && (proposal.MemoryUpdates.ContainsKey(M.LanguagePref) || !changed))
                {
                    reply.Append(TemplateReplies.CategoryChoices(lang, purpose));
                    break;
                }

                reply.Append(TemplateReplies.Ask(missing[0], lang, errors, memory.Purpose, Suggestion(missing[0], memory, lang)));
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
                reply.AppendLine().Append(offer ? TemplateReplies.OptionalOffer(lang, memory) : TemplateReplies.DraftOutro(lang));
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

    /// <summary>The text offered for an optional part the user asked for without wording it; used only if they say yes to it.</summary>
    private static string? Suggestion(string missing, TemplateMemory memory, string lang) => missing switch
    {
        M.HeaderText => OptionalParts.SuggestedHeader(memory, lang),
        M.FooterText => OptionalParts.SuggestedFooter(memory, lang),
        M.Buttons => string.Join(" / ", OptionalParts.SuggestedButtons(memory, lang)),
        _ => null,
    };
}
