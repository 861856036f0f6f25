using Concierge.Conversations;
using Concierge.Models;

namespace Concierge.Skills.Chat;

/// <summary>
/// General chat. There is nothing to interpret: the decision is always to answer. The phrase step
/// has the model answer under the agent's instructions and the recent conversation (streamed when
/// the channel streams); offline, or when the model fails, the agent's FAQ answers by word overlap,
/// or the reply says plainly what it can do and asks one question.
/// </summary>
public sealed class ChatSkill(ChatSkillOptions options) : ISkill
{
    public const string SkillName = "chat";
    public const string AnswerAction = "ANSWER";

    public string Name => SkillName;

    public ModelRequest? BuildInterpretRequest(SkillContext context) => null;

    public Proposal? ReadModelAnswer(SkillContext context, ModelResponse answer) => null;

    public Proposal ProposeOffline(SkillContext context) =>
        new ChatAnswer(ProposalSource.Offline, OfflineChat.Answer(context.Agent, context.UserText));

    public ValueTask<SkillDecision> DecideAsync(SkillContext context, Proposal proposal, CancellationToken cancellationToken) =>
        ValueTask.FromResult(proposal switch
        {
            ChatAnswer answer => new SkillDecision
            {
                Action = AnswerAction,
                Reply = context.ModelAvailable ? ReplyPlan.Model(Wording(context), answer.Text) : ReplyPlan.Text(answer.Text),
                State = context.State,
            },
            _ => SkillDecision.Rejected($"The chat skill cannot apply a {proposal.GetType().Name}."),
        });

    public SkillView View(SkillStateDocument state) => SkillView.Empty;

    private ModelRequest Wording(SkillContext context)
    {
        var instructionsCost = TokenEstimate.Of(context.Agent.Instructions) + TokenEstimate.Of(context.UserText);
        var history = ContextWindow.Fit(context.History, Math.Max(0, options.HistoryTokenBudget - instructionsCost));

        var messages = new List<ModelMessage>(history.Count + 2) { new(MessageRole.System, context.Agent.Instructions) };

        // A hand-over note (system message) is context the next agent needs; tool rows are not.
        messages.AddRange(history
            .Where(m => m.Role is MessageRole.User or MessageRole.Assistant or MessageRole.System)
            .Select(m => new ModelMessage(m.Role, m.Content)));
        messages.Add(new ModelMessage(MessageRole.User, context.UserText));

        return new ModelRequest(messages, context.Agent.Temperature, MaxOutputTokens: options.MaxAnswerTokens);
    }
}

/// <summary>An answer to say to the user.</summary>
public sealed record ChatAnswer(ProposalSource Source, string Text) : Proposal(Source);

public sealed class ChatSkillOptions
{
    /// <summary>Estimated tokens of instructions + history + new message sent to the model.</summary>
    public int HistoryTokenBudget { get; set; } = 3000;

    public int MaxAnswerTokens { get; set; } = 600;
}
