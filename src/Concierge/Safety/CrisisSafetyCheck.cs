using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Models;

namespace Concierge.Safety;

/// <summary>
/// The safety step with the offline multilingual detector: the last few user messages are its
/// context, and a detection answers with the agent's protocol for its locale, worded from the
/// protocol's text in the user's language (never by a model that could improvise). With a model,
/// ambiguous messages get a second opinion that can only raise the verdict.
/// </summary>
public sealed class CrisisSafetyCheck(CrisisDetector detector, CrisisProtocols protocols) : ISafetyCheck
{
    /// <summary>How many earlier user messages the detector reads with the new one.</summary>
    public const int ContextMessages = 3;

    public SafetyVerdict Check(Agent agent, string text, IReadOnlyList<Message> history)
    {
        if (!agent.CrisisDetection)
        {
            return SafetyVerdict.Safe with { By = "off" };
        }

        var assessment = detector.Assess(text, RecentUserMessages(history));
        // A crisis carried over from an earlier message that was flagged and answered is the crisis
        // mode's to follow (supportive turns, calm messages counted), not a new detection: a
        // "gracias" after the protocol must not give the protocol and raise an alert again. It is
        // a detection when the earlier crisis went unflagged (the guardrail was off then).
        if (assessment.Continues && RecentUserFlags(history).Any(f => f?.IsCrisis == true))
        {
            return SafetyVerdict.Safe with { Ambiguous = true, HasCue = assessment.HasCue, Language = assessment.Language };
        }

        if (!assessment.IsCrisis)
        {
            return SafetyVerdict.Safe with { Ambiguous = assessment.Ambiguous, HasCue = assessment.HasCue, Language = assessment.Language };
        }

        var protocol = protocols.For(agent.Locale, assessment.Language);
        return SafetyVerdict.Crisis(protocol.Reply, assessment.Reason ?? "crisis") with
        {
            Severity = assessment.Severity,
            Rule = assessment.Rule,
            Language = assessment.Language,
            HasCue = true,
        };
    }

    public async ValueTask<SafetyVerdict> ReviewAsync(
        Agent agent, string text, IReadOnlyList<Message> history, SafetyVerdict offline, ILanguageModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offline);
        ArgumentNullException.ThrowIfNull(model);
        if (!CrisisSecondOpinion.IsWorthAsking(offline))
        {
            return offline;
        }

        var opinion = await CrisisSecondOpinion.AskAsync(model, text, RecentUserMessages(history), cancellationToken);
        var withCalls = offline with { ModelCalls = opinion.Calls };
        if (opinion.Crisis is not true || opinion.Severity <= offline.Severity)
        {
            // A "no", a failure or an equal level: the offline verdict stands (it is never lowered).
            return withCalls;
        }

        var language = offline.Language ?? opinion.Language;
        var protocol = protocols.For(agent.Locale, language);
        return withCalls with
        {
            IsCrisis = true,
            ProtocolReply = protocol.Reply,
            Reason = offline.IsCrisis ? offline.Reason : "model second opinion: " + opinion.Reason,
            Severity = opinion.Severity,
            Rule = offline.IsCrisis ? offline.Rule : CrisisSecondOpinion.Rule,
            Language = language,
            By = "model",
            HasCue = true,
        };
    }

    public string? FollowUp(Agent agent, string? language) => protocols.For(agent.Locale, language).FollowUp;

    public string? SupportInstructions(Agent agent, string? language)
    {
        var protocol = protocols.For(agent.Locale, language);
        var hotlines = string.Join(" / ", protocol.Hotlines.Select(h => $"{h.Number} ({h.Name})"));
        return "Earlier in this conversation the user said something that suggests a risk of suicide or self-harm, "
            + "and the crisis protocol was given. Stay in a supportive mode: be warm, calm and brief; listen and reflect what "
            + "they say; never give information about methods, doses, heights or means; do not promise secrecy; do not "
            + $"diagnose. Keep the crisis line visible ({hotlines}; emergency {protocol.EmergencyNumber}) and gently encourage "
            + "contacting it or someone they trust now. End with one caring question about how they are right now. "
            + $"Answer in the user's language (the protocol's language is '{protocol.Language}').";
    }

    /// <summary>The detector's context: the last <see cref="ContextMessages"/> user messages of a history, oldest first.</summary>
    public static List<string> RecentUserMessages(IReadOnlyList<Message> history) =>
        history.Where(m => m.Role == MessageRole.User).TakeLast(ContextMessages).Select(m => m.Content).ToList();

    private static IEnumerable<CrisisFlag?> RecentUserFlags(IReadOnlyList<Message> history) =>
        history.Where(m => m.Role == MessageRole.User).TakeLast(ContextMessages).Select(m => m.Safety);
}
