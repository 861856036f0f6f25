using Concierge.Skills.Templates;
using Concierge.Skills.Templates.Builder;

namespace Concierge.Tests.Skills.Templates.Conversations;

/// <summary>The failure classes of issue 18, one test each, through the real pipeline.</summary>
public class TemplateIssue18Tests
{
    [Theory]
    [InlineData("great, go ahead and finalize")]
    [InlineData("ok ship it")]
    [InlineData("dale, así está bien")]
    [InlineData("pode mandar assim")]
    [InlineData("ça me va")]
    [InlineData("looks good")]
    [InlineData("perfect")]
    [InlineData("sí, así")]
    [InlineData("yes")]
    public void An_acceptance_of_a_valid_draft_finalizes_it_without_adding_anything(string acceptance)
    {
        var harness = new ConversationHarness();
        harness.Say("Appointment reminder template for my clinic");

        var outcome = harness.Say(acceptance);

        Assert.Equal(TemplateSkill.FinalAction, outcome.Action);
        Assert.Equal(["BODY"], outcome.FinalPayload!["components"]!.AsArray().Select(c => c!["type"]!.GetValue<string>()));
        Assert.False(outcome.Memory.WantsFooter);
        Assert.False(outcome.Memory.WantsButtons);
        Assert.False(outcome.Memory.WantsHeader);
    }

    [Fact]
    public void The_first_draft_offers_the_optional_parts_once_instead_of_asking_each()
    {
        var harness = new ConversationHarness();

        var draft = harness.Say("Order shipped template for my store");
        var next = harness.Say("add the order number and the delivery date");

        Assert.Equal(TemplateSkill.DraftAction, draft.Action);
        Assert.Contains("I can add a header, a footer or buttons — or shall I finalize it?", draft.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("I can add", next.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void An_acceptance_of_a_draft_that_breaks_a_rule_says_what_blocks_final()
    {
        var harness = new ConversationHarness();
        harness.Say("Promotion template in English with footer 'This footer is far too long for WhatsApp because it keeps going on and on'");

        var outcome = harness.Say("just finalize it");

        Assert.Equal(TemplateSkill.AskAction, outcome.Action);
        Assert.Contains("cannot finalize", outcome.Reply, StringComparison.Ordinal);
        Assert.Contains("footer", outcome.Reply, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Tell customers about our new sourdough, 20% off this weekend", TemplateCategory.Marketing, "new sourdough, 20% off this weekend")]
    [InlineData("a message for our new menu launch", TemplateCategory.Marketing, "new menu launch")]
    [InlineData("remind members that their subscription renewal is due", TemplateCategory.Utility, "subscription renewal is due")]
    [InlineData("let patients know their prescription is ready for pickup", TemplateCategory.Utility, "prescription is ready for pickup")]
    [InlineData("avisar a los clientes que su membresía vence pronto", TemplateCategory.Utility, "membresía vence pronto")]
    [InlineData("we need a code to confirm e-mail addresses", TemplateCategory.Authentication, null)]
    public void A_purpose_outside_the_stock_list_is_understood_with_its_category(string text, string category, string? inBody)
    {
        var outcome = new ConversationHarness().Say(text);

        Assert.Equal(TemplateSkill.DraftAction, outcome.Action);
        Assert.Equal(category, outcome.Memory.Category);
        if (inBody is not null)
        {
            Assert.Contains(inBody, outcome.Draft!["components"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_language_answer_to_the_purpose_question_is_a_language_and_the_purpose_is_asked_again()
    {
        var harness = new ConversationHarness();
        harness.Say("hi, I want a template");

        var outcome = harness.Say("English please");

        Assert.Equal(TemplateSkill.AskAction, outcome.Action);
        Assert.Equal("purpose", outcome.Missing[0]);
        Assert.Equal("en_US", outcome.Memory.LanguagePref);
        Assert.Null(outcome.Memory.Purpose);
        Assert.Null(outcome.Memory.Name);
    }

    [Fact]
    public void A_user_written_body_with_numbered_variables_and_a_link_with_a_variable_reach_final()
    {
        var outcome = new ConversationHarness().Say(
            "Utility template in English. Body: Hi {{1}}, your repair ticket {{2}} is ready, come pick it up any time this week. Button 'See ticket' https://fix.example.com/t/{{1}}, no header, no footer");

        Assert.Equal(TemplateSkill.FinalAction, outcome.Action);
        var payload = outcome.FinalPayload!.ToJsonString();
        Assert.Contains("your repair ticket {{2}} is ready", payload, StringComparison.Ordinal);
        Assert.Contains("https://fix.example.com/t/{{1}}", payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Order shipped template in Argentine Spanish", "es_AR")]
    [InlineData("modelo de pedido enviado em português europeu", "pt_PT")]
    [InlineData("Order shipped template in US English", "en_US")]
    [InlineData("Order shipped template in British English", "en_GB")]
    [InlineData("Order shipped template in Mexican Spanish", "es_MX")]
    [InlineData("modèle de commande expédiée en français", "fr")]
    public void A_named_language_variant_lands_as_metas_code(string text, string code) =>
        Assert.Equal(code, new ConversationHarness().Say(text).Memory.LanguagePref);

    [Fact]
    public void An_english_question_is_read_as_english()
    {
        var outcome = new ConversationHarness().Say("Which database do you use?");

        Assert.Equal("en", outcome.Memory.ReplyLanguage);
        Assert.Null(outcome.Memory.LanguagePref);
    }

    [Fact]
    public void The_memory_json_keeps_the_seed_names_and_leaves_out_what_is_unknown()
    {
        var memory = new ConversationHarness().Say("Order shipped template, no header").Memory.ToJson();

        Assert.Equal("UTILITY", memory["category"]!.GetValue<string>());
        Assert.Equal("en_US", memory["language_pref"]!.GetValue<string>());
        Assert.False(memory["wants_header"]!.GetValue<bool>());
        Assert.False(memory.ContainsKey("wants_footer"));
        Assert.False(memory.ContainsKey("footer_text"));
        Assert.False(memory.ContainsKey("button_list"));
    }
}
