using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Models;
using Concierge.Skills.Templates;
using Concierge.Skills.Templates.Builder;

namespace Concierge.Tests.Skills.Templates.Conversations;

/// <summary>
/// The model path with scripted answers: the skill reads the model's JSON into a proposal, keeps only
/// valid memory values, and refuses drafts that break Meta's rules or claim an acceptance the state
/// does not support, so the pipeline falls back to the offline interpreter for that turn.
/// </summary>
public class TemplateModelProposalTests
{
    private const string ValidDraft = """
        {"name":"order_shipped","category":"UTILITY","language":"en_US","components":[
          {"type":"BODY","text":"Hi {{1}}, your order {{2}} is on its way. Thanks for shopping with us!","example":{"body_text":[["Maria","#12345"]]}},
          {"type":"FOOTER","text":"Questions? Just reply to this message."}]}
        """;

    private static string Answer(string draft = ValidDraft, bool accepted = false, string reply = "Here is a first version for you.", string? memory = null) => $$"""
        {"memory_updates": {{memory ?? """{"category":"UTILITY","language_pref":"en_US","purpose":"order shipped","wants_header":false,"wants_footer":true,"wants_buttons":false}"""}},
         "draft": {{draft}}, "accepted": {{(accepted ? "true" : "false")}}, "reply": "{{reply}}"}
        """;

    private static TemplateProposal Read(ConversationHarness harness, string text, string answer) =>
        Assert.IsType<TemplateProposal>(harness.Skill.ReadModelAnswer(harness.Context(text), new ModelResponse(answer, 100, 100)));

    [Fact]
    public void A_good_answer_is_applied_and_a_complete_first_message_is_final()
    {
        var harness = new ConversationHarness();
        const string text = "Order shipped template in English with the footer 'Questions? Just reply to this message.'";

        var outcome = harness.Apply(text, Read(harness, text, Answer()));

        Assert.Null(outcome.RejectionReason);
        Assert.Equal(TemplateSkill.FinalAction, outcome.Action);
        Assert.True(TemplateDraftJson.TryParse(outcome.Draft, out var draft, out _));
        Assert.Equal("Hi {{1}}, your order {{2}} is on its way. Thanks for shopping with us!", draft.Body!.Text);
        Assert.True(JsonNode.DeepEquals(MetaTemplatePayload.Build(draft), outcome.FinalPayload));
        Assert.Equal("UTILITY", outcome.Memory.Category);
        Assert.Equal(draft.Body.Text, outcome.Memory.BodyText);
    }

    [Fact]
    public void A_model_change_on_a_draft_gives_a_draft_with_the_models_words_and_the_real_draft()
    {
        var harness = new ConversationHarness();
        harness.Say("Order shipped template, no header, no footer, no buttons");
        Assert.Equal(TemplateSkill.DraftAction, harness.Session.LastAction);
        const string text = "Add the footer 'Questions? Just reply to this message.' please";

        var outcome = harness.Apply(text, Read(harness, text, Answer(memory: "{}")));

        Assert.Equal(TemplateSkill.DraftAction, outcome.Action);
        Assert.StartsWith("Here is a first version for you.", outcome.Reply, StringComparison.Ordinal);
        Assert.Contains("Questions? Just reply to this message.", outcome.Reply, StringComparison.Ordinal);
        Assert.Null(outcome.FinalPayload);
    }

    [Fact]
    public void An_acceptance_on_a_valid_shown_draft_is_final()
    {
        var harness = new ConversationHarness();
        harness.Say("Order shipped template, no header, no footer, no buttons");
        var shown = harness.State.Draft!.ToJsonString();

        var outcome = harness.Apply("yes", Read(harness, "yes", Answer(draft: shown, accepted: true, reply: "Done, it is final.", memory: "{}")));

        Assert.Equal(TemplateSkill.FinalAction, outcome.Action);
        Assert.NotNull(outcome.FinalPayload);
        Assert.StartsWith("Done, it is final.", outcome.Reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("footer over 60 characters", """{"type":"FOOTER","text":"This footer is far too long for WhatsApp because it keeps going on and on"}""", TemplateRules.FooterText)]
    [InlineData("phone not in E.164", """{"type":"BUTTONS","buttons":[{"type":"PHONE_NUMBER","text":"Call us","phone_number":"555-1234"}]}""", TemplateRules.ButtonsPhone)]
    [InlineData("header with an emoji", """{"type":"HEADER","format":"TEXT","text":"Big news 🎉"}""", TemplateRules.HeaderText)]
    public void A_draft_breaking_a_rule_that_fixes_cannot_repair_is_rejected(string why, string component, string code)
    {
        var harness = new ConversationHarness();
        var draft = ValidDraft.Replace("{\"type\":\"FOOTER\",\"text\":\"Questions? Just reply to this message.\"}", component, StringComparison.Ordinal);
        const string text = "Order shipped template in English";

        var outcome = harness.Apply(text, Read(harness, text, Answer(draft)));

        Assert.True(outcome.RejectionReason is not null, why);
        Assert.Contains(code, outcome.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_model_turn_falls_back_to_the_offline_interpreter()
    {
        var harness = new ConversationHarness();
        const string text = "Order shipped template in English, no header, no footer, no buttons";
        var broken = ValidDraft.Replace("Questions? Just reply to this message.", new string('x', 80), StringComparison.Ordinal);

        var outcome = harness.Commit(text, Answer(broken));

        Assert.Null(outcome.RejectionReason);
        Assert.Equal(TemplateSkill.FinalAction, outcome.Action);
        Assert.DoesNotContain(new string('x', 80), outcome.Reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("I think you want a shipping template!")]
    [InlineData("{\"memory_updates\": {}, \"draft\": null, \"accepted\": false}")]
    [InlineData("{\"memory_updates\": {}, \"draft\": null, \"accepted\": \"yes\", \"reply\": \"ok\"}")]
    [InlineData("{\"memory_updates\": [], \"draft\": null, \"accepted\": false, \"reply\": \"ok\"}")]
    [InlineData("{\"memory_updates\": {}, \"draft\": \"a template\", \"accepted\": false, \"reply\": \"ok\"}")]
    [InlineData("{\"memory_updates\": {}, \"draft\": {\"components\": [{\"type\": \"CAROUSEL\"}]}, \"accepted\": false, \"reply\": \"ok\"}")]
    [InlineData("{\"memory_updates\": {}, \"draft\": null, \"accepted\": false, \"reply\": \"ok\"")]
    public void A_malformed_answer_reads_as_null(string answer)
    {
        var harness = new ConversationHarness();

        Assert.Null(harness.Skill.ReadModelAnswer(harness.Context("hi"), new ModelResponse(answer, 1, 1)));
    }

    [Fact]
    public void An_answer_in_a_code_fence_is_read()
    {
        var harness = new ConversationHarness();

        Assert.NotNull(harness.Skill.ReadModelAnswer(harness.Context("hi"), new ModelResponse("```json\n" + Answer() + "\n```", 1, 1)));
    }

    [Fact]
    public void Claiming_acceptance_with_an_invalid_draft_is_rejected()
    {
        var harness = new ConversationHarness();
        harness.Say("Order shipped template, no header, no footer, no buttons");
        var invalid = ValidDraft.Replace("Questions? Just reply to this message.", "Questions about {{3}}? Just reply to this message.", StringComparison.Ordinal);

        var outcome = harness.Apply("yes", Read(harness, "yes", Answer(invalid, accepted: true, memory: "{}")));

        Assert.NotNull(outcome.RejectionReason);
    }

    [Fact]
    public void Claiming_acceptance_of_an_incomplete_template_is_rejected()
    {
        var harness = new ConversationHarness();

        var outcome = harness.Apply("yes", Read(harness, "yes", Answer(draft: "null", accepted: true, memory: "{}")));

        Assert.NotNull(outcome.RejectionReason);
        Assert.Contains("not complete", outcome.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_memory_values_from_the_model_are_dropped()
    {
        var harness = new ConversationHarness();
        const string memory = """{"category":"PROMO","language_pref":"klingon","wants_header":"yes","business_type":"bakery","pending":"confirm","secret":"x"}""";

        var outcome = harness.Apply("hi", Read(harness, "hi", Answer(draft: "null", memory: memory)));

        Assert.Null(outcome.RejectionReason);
        Assert.Equal(TemplateSkill.AskAction, outcome.Action);
        Assert.Null(outcome.Memory.Category);
        Assert.Null(outcome.Memory.LanguagePref);
        Assert.Null(outcome.Memory.WantsHeader);
        Assert.DoesNotContain("secret", outcome.Memory.ToJson().Select(p => p.Key));
        Assert.Equal("bakery", outcome.Memory.BusinessType);
        Assert.Equal("purpose", outcome.Missing[0]);
    }

    [Fact]
    public void The_model_request_carries_the_state_the_missing_fields_and_a_strict_schema()
    {
        var harness = new ConversationHarness();
        harness.Say("I need an order shipped template");

        var request = harness.Skill.BuildInterpretRequest(harness.Context("with a footer please"));

        Assert.NotNull(request);
        Assert.NotNull(request.ResponseSchema);
        Assert.True(request.ResponseSchema.Strict);
        var required = request.ResponseSchema.Schema["required"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(["memory_updates", "draft", "accepted", "reply"], required);
        var system = string.Join("\n", request.Messages.Where(m => m.Role == MessageRole.System).Select(m => m.Content));
        Assert.Contains("\"purpose\":\"order shipped\"", system, StringComparison.Ordinal);
        Assert.Contains("wants_header", system, StringComparison.Ordinal);
        Assert.Contains("AUTHENTICATION", system, StringComparison.Ordinal);
        Assert.Equal("with a footer please", request.Messages[^1].Content);
        Assert.Equal(MessageRole.User, request.Messages[^1].Role);
    }
}
