using System.Text.Json.Nodes;
using Concierge.Skills.Templates;
using static Concierge.Tests.Skills.Templates.TemplateDraftBuilder;

namespace Concierge.Tests.Skills.Templates;

public class MetaTemplatePayloadTests
{
    private static void AssertJson(string expected, JsonObject actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), actual.ToJsonString());

    [Fact]
    public void A_utility_template_becomes_metas_creation_body_with_every_example_in_metas_shape()
    {
        var draft = Utility().Buttons(
            new UrlButton("Track order", TrackUrl) { Example = "ABC123" },
            new QuickReplyButton("Talk to us"),
            new PhoneNumberButton("Call us", "+14155550123")).Build();

        AssertJson("""
            {"name":"order_shipped","language":"en_US","category":"UTILITY","components":[
              {"type":"HEADER","format":"TEXT","text":"Order {{1}} is on its way","example":{"header_text":["#1234"]}},
              {"type":"BODY","text":"Hello {{1}}, your order {{2}} has shipped. Thank you!","example":{"body_text":[["Ana","#1234"]]}},
              {"type":"FOOTER","text":"Questions? Reply to this message."},
              {"type":"BUTTONS","buttons":[
                {"type":"URL","text":"Track order","url":"https://shop.example.com/track/{{1}}","example":["https://shop.example.com/track/ABC123"]},
                {"type":"QUICK_REPLY","text":"Talk to us"},
                {"type":"PHONE_NUMBER","text":"Call us","phone_number":"+14155550123"}]}]}
            """, MetaTemplatePayload.Build(draft));
    }

    [Fact]
    public void An_authentication_template_becomes_metas_fixed_shape()
    {
        var draft = Authentication().Buttons(new OtpButton(OtpType.OneTap)
        {
            Text = "Copy code",
            SupportedApps = [new("com.example.app", "K8a/AINcGX7")],
        }).Build();

        AssertJson("""
            {"name":"login_code","language":"en_US","category":"AUTHENTICATION","components":[
              {"type":"BODY","add_security_recommendation":true},
              {"type":"FOOTER","code_expiration_minutes":10},
              {"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","text":"Copy code",
                "supported_apps":[{"package_name":"com.example.app","signature_hash":"K8a/AINcGX7"}]}]}]}
            """, MetaTemplatePayload.Build(draft));
    }

    [Fact]
    public void A_zero_tap_button_carries_its_accepted_terms_and_a_copy_code_button_only_its_type()
    {
        var zeroTap = Authentication().NoFooter().Body(new BodyComponent())
            .Buttons(new OtpButton(OtpType.ZeroTap) { SupportedApps = [new("com.example.app", "K8a/AINcGX7")], ZeroTapTermsAccepted = true }).Build();
        var copyCode = Authentication().Buttons(new OtpButton(OtpType.CopyCode)).Build();

        AssertJson("""
            {"name":"login_code","language":"en_US","category":"AUTHENTICATION","components":[
              {"type":"BODY"},
              {"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ZERO_TAP",
                "supported_apps":[{"package_name":"com.example.app","signature_hash":"K8a/AINcGX7"}],"zero_tap_terms_accepted":true}]}]}
            """, MetaTemplatePayload.Build(zeroTap));
        Assert.Equal("""{"type":"OTP","otp_type":"COPY_CODE"}""", MetaTemplatePayload.Build(copyCode)["components"]![2]!["buttons"]![0]!.ToJsonString());
    }

    [Fact]
    public void A_named_template_sends_parameter_format_and_named_examples_in_order_of_appearance()
    {
        var draft = Utility().NoFooter().NoButtons().Format(TemplateParameterFormat.Named)
            .Header(new HeaderComponent { Text = "Order {{order_id}}", NamedExamples = [new("order_id", "#1234")] })
            .NamedBody(
                "Hello {{first_name}}, your order {{order_id}} ships on {{ship_date}} from our main store. Thank you!",
                ("ship_date", "May 3"), ("first_name", "Ana"), ("order_id", "#1234"))
            .Build();

        AssertJson("""
            {"name":"order_shipped","language":"en_US","category":"UTILITY","parameter_format":"NAMED","components":[
              {"type":"HEADER","format":"TEXT","text":"Order {{order_id}}","example":{"header_text_named_params":[{"param_name":"order_id","example":"#1234"}]}},
              {"type":"BODY","text":"Hello {{first_name}}, your order {{order_id}} ships on {{ship_date}} from our main store. Thank you!",
               "example":{"body_text_named_params":[
                 {"param_name":"first_name","example":"Ana"},{"param_name":"order_id","example":"#1234"},{"param_name":"ship_date","example":"May 3"}]}}]}
            """, MetaTemplatePayload.Build(draft));
    }

    [Fact]
    public void A_media_header_sends_its_handle_and_static_parts_send_no_example()
    {
        var draft = Marketing().MediaHeader(HeaderFormat.Image, "4::aW1n").Body("Our spring sale starts today with 20% off everything.")
            .Buttons(new UrlButton("Shop now", "https://shop.example.com/sale"), new CopyCodeButton("SPRING20")).Build();

        AssertJson("""
            {"name":"spring_sale","language":"en_US","category":"MARKETING","components":[
              {"type":"HEADER","format":"IMAGE","example":{"header_handle":["4::aW1n"]}},
              {"type":"BODY","text":"Our spring sale starts today with 20% off everything."},
              {"type":"FOOTER","text":"Reply STOP to opt out"},
              {"type":"BUTTONS","buttons":[{"type":"URL","text":"Shop now","url":"https://shop.example.com/sale"},{"type":"COPY_CODE","example":"SPRING20"}]}]}
            """, MetaTemplatePayload.Build(draft));
    }

    [Fact]
    public void A_location_header_sends_only_its_format() =>
        Assert.Equal("""{"type":"HEADER","format":"LOCATION"}""",
            MetaTemplatePayload.Build(Utility().MediaHeader(HeaderFormat.Location, null).Build())["components"]![0]!.ToJsonString());

    [Fact]
    public void A_marketing_draft_with_only_advice_still_builds() =>
        Assert.Equal("MARKETING", (string?)MetaTemplatePayload.Build(Marketing().Footer("Spring sale").Build())["category"]);

    [Fact]
    public void A_draft_with_errors_cannot_become_a_payload()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MetaTemplatePayload.Build(Utility().Name("Bad Name").Build()));
        Assert.Contains("name.format", error.Message);
    }

    [Fact]
    public void The_payload_never_holds_nulls()
    {
        foreach (var draft in new[] { Utility().Build(), Authentication().NoFooter().Build(), Marketing().Build() })
        {
            AssertNoNulls(MetaTemplatePayload.Build(draft));
        }
    }

    private static void AssertNoNulls(JsonNode? node)
    {
        Assert.NotNull(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    AssertNoNulls(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    AssertNoNulls(item);
                }

                break;
        }
    }
}
