using Concierge.Conversations;
using Concierge.Models;

namespace Concierge.Skills.Chat;

/// <summary>
/// General chat: with a model, the model answers under the agent's instructions and the recent
/// conversation; offline, the agent's FAQ answers by word overlap, or the reply says plainly what
/// it can do and asks one question.
/// </summary>
public sealed class ChatSkill(ChatSkillOptions options) : ISkill
{
    public const string SkillName = "chat";
    public const string AnswerAction = "ANSWER";

    public string Name => SkillName;

    public ModelRequest? BuildModelRequest(SkillContext context)
    {
        var instructionsCost = TokenEstimate.Of(context.Agent.Instructions) + TokenEstimate.Of(context.UserText);
        var history = ContextWindow.Fit(context.History, Math.Max(0, options.HistoryTokenBudget - instructionsCost));

        var messages = new List<ModelMessage>(history.Count + 2) { new(MessageRole.System, context.Agent.Instructions) };
        messages.AddRange(history
            .Where(m => m.Role is MessageRole.User or MessageRole.Assistant)
            .Select(m => new ModelMessage(m.Role, m.Content)));
        messages.Add(new ModelMessage(MessageRole.User, context.UserText));

        return new ModelRequest(messages, context.Agent.Temperature, MaxOutputTokens: options.MaxAnswerTokens);
    }

    public Proposal? ReadModelAnswer(SkillContext context, ModelResponse answer) =>
        string.IsNullOrWhiteSpace(answer.Text) ? null : new ChatAnswer(ProposalSource.Model, answer.Text.Trim());

    public Proposal ProposeOffline(SkillContext context) =>
        new ChatAnswer(ProposalSource.Offline, OfflineChat.Answer(context.Agent, context.UserText));

    public SkillOutcome Apply(SkillContext context, Proposal proposal) => proposal switch
    {
        ChatAnswer answer => new SkillOutcome
        {
            Action = AnswerAction,
            Reply = answer.Text,
            Memory = context.Session.Memory,
            Draft = context.Session.Draft,
        },
        _ => SkillOutcome.Rejected($"The chat skill cannot apply a {proposal.GetType().Name}."),
    };
}

/// <summary>An answer to say to the user.</summary>
public sealed record ChatAnswer(ProposalSource Source, string Text) : Proposal(Source);

public sealed class ChatSkillOptions
{
    /// <summary>Estimated tokens of instructions + history + new message sent to the model.</summary>
    public int HistoryTokenBudget { get; set; } = 3000;

    public int MaxAnswerTokens { get; set; } = 600;
}
