using Concierge.Skills.Templates;
using Concierge.Skills.Templates.Builder;

namespace Concierge.Tests.Skills.Templates.Conversations;

/// <summary>
/// The builder's questions with a short answer offer it as choices, and tapping a choice (its id sent
/// as the next message) moves the conversation exactly as typing it would.
/// </summary>
public class TemplateChoicesTests
{
    private const string NoCategoryYet = "una plantilla sobre el cambio de horario de la sucursal";

    [Fact]
    public void The_category_question_offers_the_three_categories()
    {
        var harness = new ConversationHarness();

        var asked = harness.Say(NoCategoryYet);

        Assert.Equal(TemplateSkill.AskAction, asked.Action);
        Assert.Equal(TemplateMemoryKeys.Category, asked.Missing[0]);
        Assert.Equal(["Marketing", "Utility", "Authentication"], asked.Choices.Select(c => c.Title));
        Assert.Equal([TemplateCategory.Marketing, TemplateCategory.Utility, TemplateCategory.Authentication], asked.Choices.Select(c => c.Id));
    }

    [Fact]
    public void Tapping_a_category_sets_it_exactly_as_typing_it()
    {
        var tapping = new ConversationHarness();
        var typing = new ConversationHarness();
        var asked = tapping.Say(NoCategoryYet);
        typing.Say(NoCategoryYet);

        var tapped = tapping.Say(asked.Choices.Single(c => c.Title == "Utility").Id);
        var typed = typing.Say("utility");

        Assert.Equal(TemplateCategory.Utility, tapped.Memory.Category);
        Assert.Equal(typed.Action, tapped.Action);
        Assert.Equal(typed.Missing, tapped.Missing);
        Assert.Equal(typed.Draft?.ToJsonString(), tapped.Draft?.ToJsonString());
    }

    [Fact]
    public void A_draft_offers_no_choices()
    {
        var harness = new ConversationHarness();

        var draft = harness.Say("Appointment reminder template for my clinic");

        Assert.Equal(TemplateSkill.DraftAction, draft.Action);
        Assert.Empty(draft.Choices);
    }
}
