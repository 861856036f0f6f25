using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Skills.Templates;
using Concierge.Skills.Templates.Builder;

namespace Concierge.Tests.Skills.Templates.Conversations;

/// <summary>
/// Issue 18 with a model configured: the server, not the model, decides. Scripted model answers go
/// through the real pipeline (<see cref="ConversationHarness.Commit"/>): content the user never gave
/// does not reach the draft or FINAL, and an acceptance of a draft that breaks a rule is not FINAL.
/// </summary>
public class TemplateModelAcceptanceTests
{
    private const string Body = "Hi {{1}}, your order {{2}} is on its way. Thanks for shopping with us!";

    private static string Answer(string components, bool accepted, string memory) => $$$"""
        {"memory_updates": {{{memory}}},
         "draft": {"name":"order_shipped","category":"UTILITY","language":"en_US","components":[
            {"type":"BODY","text":"{{{Body}}}","example":{"body_text":[["Maria","#12345"]]}}{{{components}}}]},
         "accepted": {{{(accepted ? "true" : "false")}}}, "reply": "Here you go."}
        """;

    private static IEnumerable<string> Types(JsonObject? json) =>
        json?["components"]?.AsArray().Select(c => c!["type"]!.GetValue<string>()) ?? [];

    [Fact]
    public void A_footer_the_model_invents_never_reaches_the_draft_or_final()
    {
        var harness = new ConversationHarness();

        var outcome = harness.Commit(
            "Order shipped template in English, no header",
            Answer(""",{"type":"FOOTER","text":"Thank you for choosing us"}""", accepted: false,
                """{"category":"UTILITY","language_pref":"en_US","purpose":"order shipped","wants_footer":true,"footer_text":"Thank you for choosing us"}"""));

        Assert.Equal(TurnSource.Model, outcome.Source);
        Assert.DoesNotContain("FOOTER", Types(outcome.Draft));
        Assert.DoesNotContain("FOOTER", Types(outcome.FinalPayload));
        Assert.Null(outcome.Memory.FooterText);
        Assert.DoesNotContain("Thank you for choosing us", outcome.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yes_the_model_reads_as_a_yes_to_footer_and_buttons_finalizes_the_draft_shown_without_them()
    {
        var harness = new ConversationHarness();
        harness.Say("Order shipped template");
        var shown = harness.State.Draft!.DeepClone();

        // The model keeps the body shown and adds a footer and buttons nobody asked for.
        var invented = (JsonObject)shown.DeepClone();
        invented["components"]!.AsArray().Add(JsonNode.Parse("""{"type":"FOOTER","text":"Thank you for choosing us"}"""));
        invented["components"]!.AsArray().Add(JsonNode.Parse("""{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Thanks"},{"type":"QUICK_REPLY","text":"I have a question"}]}"""));
        var outcome = harness.Commit(
            "yes",
            $$"""{"memory_updates": {"wants_footer":true,"wants_buttons":true,"footer_text":"Thank you for choosing us"}, "draft": {{invented.ToJsonString()}}, "accepted": true, "reply": "Done."}""");

        Assert.Equal(TemplateSkill.FinalAction, outcome.Action);
        Assert.Equal(["BODY"], Types(outcome.FinalPayload));
        Assert.DoesNotContain("Thank you for choosing us", outcome.FinalPayload!.ToJsonString(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(shown, outcome.Draft));
        Assert.False(outcome.Memory.WantsFooter);
        Assert.False(outcome.Memory.WantsButtons);
    }

    [Fact]
    public void A_model_that_claims_acceptance_of_a_draft_with_a_broken_rule_does_not_make_it_final()
    {
        var harness = new ConversationHarness();
        var asked = harness.Say("order update template in English with a call button to 555 12");
        Assert.Equal(TemplateSkill.AskAction, asked.Action);

        var outcome = harness.Commit(
            "looks good, finalize it",
            Answer(""",{"type":"BUTTONS","buttons":[{"type":"PHONE_NUMBER","text":"Call us","phone_number":"555 12"}]}""", accepted: true, "{}"));

        Assert.NotEqual(TemplateSkill.FinalAction, outcome.Action);
        Assert.Null(outcome.FinalPayload);
        Assert.Equal(TurnSource.Fallback, outcome.Source);
        Assert.Contains("cannot finalize", outcome.Reply, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_model_acceptance_of_a_valid_shown_draft_is_final_with_the_same_content()
    {
        var harness = new ConversationHarness();
        harness.Say("Order shipped template, footer 'Questions? Just reply'");
        var shown = harness.State.Draft!;

        var outcome = harness.Commit("ok ship it", $$"""{"memory_updates": {}, "draft": {{shown.ToJsonString()}}, "accepted": true, "reply": "Done."}""");

        Assert.Equal(TemplateSkill.FinalAction, outcome.Action);
        Assert.Equal(TurnSource.Model, outcome.Source);
        Assert.Contains("Questions? Just reply", outcome.FinalPayload!.ToJsonString(), StringComparison.Ordinal);
    }
}
