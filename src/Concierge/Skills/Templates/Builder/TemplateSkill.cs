using Concierge.Models;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The WhatsApp template builder (SPEC 5.1). The interpreter (model or <see cref="OfflineTemplateReader"/>)
/// proposes memory updates or a draft; the decide step checks them, composes the draft from memory,
/// runs <see cref="TemplateFixes"/> and <see cref="TemplateValidator"/>, computes what is missing in a
/// fixed order and decides ASK, DRAFT or FINAL. FINAL carries Meta's creation payload, and a new
/// payload is an effect that puts the template in the tenant's list in the turn's transaction.
/// </summary>
public sealed class TemplateSkill : ISkill
{
    public const string SkillName = "templates";
    public const string AskAction = "ASK";
    public const string DraftAction = "DRAFT";
    public const string FinalAction = "FINAL";

    private readonly TemplateValidator _validator;
    private readonly OfflineTemplateReader _reader;
    private readonly TemplateModelPrompt _prompt;

    public TemplateSkill()
        : this(TemplateValidator.Default)
    {
    }

    public TemplateSkill(TemplateValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        _validator = validator;
        _reader = new OfflineTemplateReader(validator.Languages);
        _prompt = new TemplateModelPrompt(validator.Languages);
    }

    public string Name => SkillName;

    /// <summary>The builder's typed state from what the session stores.</summary>
    public static TemplateState Load(SkillStateDocument document) =>
        document.Read(TemplateStateJson.Default.TemplateState, TemplateState.Initial);

    public static SkillStateDocument Save(TemplateState state) => SkillStateDocument.Of(state, TemplateStateJson.Default.TemplateState);

    public ModelRequest? BuildInterpretRequest(SkillContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = Load(context.State);
        var missing = TemplateDecision.Missing(state.Memory, DraftComposer.Compose(state.Memory), []);
        return _prompt.Build(context, state, missing);
    }

    public Proposal? ReadModelAnswer(SkillContext context, ModelResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return _prompt.Read(answer.Text);
    }

    public Proposal ProposeOffline(SkillContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _reader.Read(context.UserText, Load(context.State).Memory);
    }

    public ValueTask<SkillDecision> DecideAsync(SkillContext context, Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(proposal is TemplateProposal template
            ? new TemplateDecision(_validator, Load(context.State), context.Session.LastAction, context.Now, template, context.UserText).Decide()
            : SkillDecision.Rejected($"The template skill cannot apply a {proposal.GetType().Name}."));
    }

    public SkillView View(SkillStateDocument state)
    {
        var template = Load(state);
        return new SkillView(template.Memory.ToJson(), template.Draft, template.DraftId, template.FinalPayload);
    }
}
