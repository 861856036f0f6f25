using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Concierge.Conversations;
using Concierge.Jobs;
using Concierge.Models;
using Concierge.Skills;

namespace Concierge.Tests.Conversations;

/// <summary>
/// A skill made to watch the pipeline: it counts its turns in typed state, echoes what it was told,
/// asks the model to interpret when one is there (the answer becomes the reply), and emits an effect
/// and a job on "book", a hand-over on "hand over".
/// </summary>
internal sealed class ProbeSkill : ISkill
{
    public const string SkillName = "probe";

    public int Decisions { get; private set; }

    public string Name => SkillName;

    public ModelRequest? BuildInterpretRequest(SkillContext context) =>
        new([new ModelMessage(MessageRole.User, context.UserText)]);

    public Proposal? ReadModelAnswer(SkillContext context, ModelResponse answer) =>
        answer.Text == "unusable" ? null : new Said(ProposalSource.Model, answer.Text);

    public Proposal ProposeOffline(SkillContext context) => new Said(ProposalSource.Offline, context.UserText);

    public ValueTask<SkillDecision> DecideAsync(SkillContext context, Proposal proposal, CancellationToken cancellationToken)
    {
        Decisions++;
        var said = (Said)proposal;
        if (said.Text == "refuse me")
        {
            return ValueTask.FromResult(SkillDecision.Rejected("the probe refuses model proposals that say so"));
        }

        var state = context.State.Read(ProbeStateJson.Default.ProbeState, new ProbeState(0));
        var next = state with { Turns = state.Turns + 1 };
        var book = said.Text.Contains("book", StringComparison.Ordinal);
        return ValueTask.FromResult(new SkillDecision
        {
            Action = "ECHO",
            Reply = ReplyPlan.Text($"#{next.Turns}: {said.Text}"),
            State = SkillStateDocument.Of(next, ProbeStateJson.Default.ProbeState),
            Effects = book ? [new ProbeBooked(said.Text)] : [],
            Jobs = book ? [new JobRequest("probe.remind", new JsonObject { ["text"] = said.Text })] : [],
            HandOver = said.Text == "hand over" ? new HandOver("second", null, "Handed over by the probe: the customer wants to chat.") : null,
        });
    }

    public SkillView View(SkillStateDocument state) =>
        new(new JsonObject { ["turns"] = state.Read(ProbeStateJson.Default.ProbeState, new ProbeState(0)).Turns });

    private sealed record Said(ProposalSource Source, string Text) : Proposal(Source);
}

internal sealed record ProbeState(int Turns);

internal sealed record ProbeBooked(string Text) : Effect;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ProbeState))]
internal sealed partial class ProbeStateJson : JsonSerializerContext;
