using Concierge.Models;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The WhatsApp template builder (SPEC 5.1). The interpreter (model or <see cref="OfflineTemplateReader"/>)
/// proposes memory updates or a draft; <see cref="Apply"/> checks them, composes the draft from memory,
/// runs <see cref="TemplateFixes"/> and <see cref="TemplateValidator"/>, computes what is missing in a
/// fixed order and decides ASK, DRAFT or FINAL. FINAL carries Meta's creation payload.
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

    public ModelRequest? BuildModelRequest(SkillContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var memory = context.Session.Memory;
        var draft = context.Session.Draft;
        var missing = TemplateDecision.Missing(memory, DraftComposer.Compose(memory), []);
        return _prompt.Build(context, missing, draft);
    }

    public Proposal? ReadModelAnswer(SkillContext context, ModelResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return _prompt.Read(answer.Text);
    }

    public Proposal ProposeOffline(SkillContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _reader.Read(context.UserText, context.Session.Memory);
    }

    public SkillOutcome Apply(SkillContext context, Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(context);
        return proposal is TemplateProposal template
            ? new TemplateDecision(_validator, context.Session, template).Decide()
            : SkillOutcome.Rejected($"The template skill cannot apply a {proposal.GetType().Name}.");
    }
}
