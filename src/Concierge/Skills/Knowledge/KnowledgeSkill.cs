using Concierge.Knowledge.Analysis;
using Concierge.Knowledge.Answers;
using Concierge.Knowledge.Library;
using Concierge.Models;

namespace Concierge.Skills.Knowledge;

/// <summary>
/// Answers from the tenant's documents, always with its sources. Decide: a curated answer close
/// enough to the question wins (no model); else the best passages are retrieved and the
/// extractive answer is built — the offline reply, and the fallback of every model reply.
/// Phrase: with a model, the model words the answer from the numbered passages and must cite
/// them; <see cref="KnowledgeCitations.Check"/> refuses a reply citing nothing or a number that was
/// not given, and the pipeline then says the extractive answer (logged as a model fallback). When
/// nothing relevant is found the honest reply is said as it is: no model, no sources.
/// </summary>
public sealed class KnowledgeSkill(KnowledgeSearch search, IKnowledgeStore store) : ISkill
{
    public const string SkillName = "knowledge";
    public const string AnswerAction = "ANSWER";
    public const string CuratedAction = "CURATED_ANSWER";
    public const string NothingFoundAction = "NOTHING_FOUND";

    // Passages given to the answerer and the model; the answerer quotes from the top 5 only.
    private const int Passages = 5;

    public string Name => SkillName;

    public ModelRequest? BuildInterpretRequest(SkillContext context) => null;

    public Proposal? ReadModelAnswer(SkillContext context, ModelResponse answer) => null;

    public Proposal ProposeOffline(SkillContext context) => new KnowledgeQuestion(ProposalSource.Offline, context.UserText);

    public async ValueTask<SkillDecision> DecideAsync(SkillContext context, Proposal proposal, CancellationToken cancellationToken)
    {
        if (proposal is not KnowledgeQuestion question)
        {
            return SkillDecision.Rejected($"The knowledge skill cannot apply a {proposal.GetType().Name}.");
        }

        var tenantId = context.Agent.TenantId;
        var curated = CuratedAnswers.Match(question.Text, await store.AnswersAsync(tenantId, cancellationToken));
        if (curated is not null)
        {
            await store.CountHitAsync(tenantId, curated.Id, cancellationToken);
            return Decision(context, CuratedAction, ReplyPlan.Text(curated.Answer), []);
        }

        var language = TextAnalysis.GuessLanguage(question.Text);
        var passages = await search.SearchAsync(tenantId, question.Text, Passages, context.Agent.Key, language, cancellationToken);
        var topics = (await store.ListAsync(tenantId, cancellationToken))
            .Where(d => d.Status == KnowledgeStatus.Ready && (d.AgentKey is null || d.AgentKey == context.Agent.Key))
            .Select(d => d.Title)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var answer = ExtractiveAnswerer.Answer(question.Text, passages, language, topics);
        if (answer.Status == AnswerStatus.NothingFound)
        {
            return Decision(context, NothingFoundAction, ReplyPlan.Text(answer.Reply), []);
        }

        var sources = answer.Citations.Select(c => new ReplySource(c.DocumentId, c.Title, c.ChunkId, c.Snippet)).ToList();
        var reply = context.ModelAvailable
            ? ReplyPlan.Model(KnowledgeCitations.Wording(context, passages, language), answer.Reply) with { Check = text => KnowledgeCitations.Check(text, passages, language) }
            : ReplyPlan.Text(answer.Reply);
        return Decision(context, AnswerAction, reply, sources);
    }

    public SkillView View(SkillStateDocument state) => SkillView.Empty;

    private static SkillDecision Decision(SkillContext context, string action, ReplyPlan reply, IReadOnlyList<ReplySource> sources) =>
        new() { Action = action, Reply = reply, State = context.State, Sources = sources };
}

/// <summary>A question to answer from the documents.</summary>
public sealed record KnowledgeQuestion(ProposalSource Source, string Text) : Proposal(Source);
