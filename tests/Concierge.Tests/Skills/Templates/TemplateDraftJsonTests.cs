using System.Text.Json.Nodes;
using Concierge.Skills.Templates;
using static Concierge.Tests.Skills.Templates.TemplateDraftBuilder;

namespace Concierge.Tests.Skills.Templates;

public class TemplateDraftJsonTests
{
    public static TheoryData<string> Drafts => new()
    {
        "utility",
        "authentication",
        "named",
        "media-and-every-button",
        "broken",
    };

    private static TemplateDraft Draft(string which) => which switch
    {
        "utility" => Utility().Build(),
        "authentication" => Authentication().Buttons(new OtpButton(OtpType.ZeroTap)
        {
            Text = "Autofill",
            SupportedApps = [new("com.example.app", "K8a/AINcGX7")],
            ZeroTapTermsAccepted = true,
        }).Build(),
        "named" => Utility().Format(TemplateParameterFormat.Named)
            .Header(new HeaderComponent { Text = "Order {{order_id}}", NamedExamples = [new("order_id", "#1")] })
            .NamedBody("Hello {{first_name}}, your order has shipped. Thank you!", ("first_name", "Ana")).Build(),
        "media-and-every-button" => Marketing().MediaHeader(HeaderFormat.Video, "4::dmlk").Buttons(
            new QuickReplyButton("Stop"),
            new UrlButton("Shop", "https://shop.example.com/{{1}}") { Example = "sale" },
            new PhoneNumberButton("Call", "+14155550123"),
            new CopyCodeButton("SPRING20")).Build(),
        _ => new TemplateDraft
        {
            Name = "Bad Name",
            Category = "PROMO",
            Components =
            [
                new BodyComponent { Text = "{{2}} x", Examples = ["a"], AddSecurityRecommendation = false },
                new BodyComponent(),
                new FooterComponent { CodeExpirationMinutes = 500 },
            ],
        },
    };

    [Theory]
    [MemberData(nameof(Drafts))]
    public void A_draft_survives_the_json_round_trip(string which)
    {
        var draft = Draft(which);
        var json = TemplateDraftJson.ToJson(draft);

        Assert.True(TemplateDraftJson.TryParse(JsonNode.Parse(json.ToJsonString()), out var parsed, out var error), error);
        Assert.Equal(json.ToJsonString(), TemplateDraftJson.ToJson(parsed).ToJsonString());
        Assert.Equal(RuleAssert.Validator.Validate(draft), RuleAssert.Validator.Validate(parsed));
    }

    [Fact]
    public void The_draft_json_uses_metas_field_names()
    {
        var json = TemplateDraftJson.ToJson(Utility().Build());

        Assert.Equal("""
            {"name":"order_shipped","category":"UTILITY","language":"en_US","parameter_format":"POSITIONAL","components":[
              {"type":"HEADER","format":"TEXT","text":"Order {{1}} is on its way","example":{"header_text":["#1234"]}},
              {"type":"BODY","text":"Hello {{1}}, your order {{2}} has shipped. Thank you!","example":{"body_text":[["Ana","#1234"]]}},
              {"type":"FOOTER","text":"Questions? Reply to this message."},
              {"type":"BUTTONS","buttons":[
                {"type":"URL","text":"Track order","url":"https://shop.example.com/track/{{1}}","example":["https://shop.example.com/track/ABC123"]},
                {"type":"QUICK_REPLY","text":"Talk to us"}]}]}
            """.Replace("\n", "").Replace("  ", ""), json.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void A_model_proposal_in_metas_lower_case_and_flat_example_shapes_parses_to_a_valid_draft()
    {
        var node = JsonNode.Parse("""
            {"name":"order_update","category":"utility","language":"en_US","components":[
              {"type":"body","text":"Hello {{1}}, your order {{2}} has shipped. Thank you!","example":{"body_text":["Ana","#1"]}},
              {"type":"buttons","buttons":[{"type":"url","text":"Track","url":"https://x.example.com/t/{{1}}","example":["https://x.example.com/t/ABC"]},
                                           {"type":"copy_code","example":["SAVE10"]}]}]}
            """);

        Assert.True(TemplateDraftJson.TryParse(node, out var draft, out var error), error);
        Assert.Equal("UTILITY", draft.Category);
        Assert.Equal(["Ana", "#1"], draft.Body!.Examples);
        Assert.Equal("ABC", Assert.IsType<UrlButton>(draft.Buttons!.Buttons[0]).Example);
        Assert.Equal("SAVE10", Assert.IsType<CopyCodeButton>(draft.Buttons.Buttons[1]).Example);
        RuleAssert.Valid(draft);
    }

    [Fact]
    public void An_empty_object_is_an_empty_draft_whose_missing_fields_the_validator_names()
    {
        Assert.True(TemplateDraftJson.TryParse(new JsonObject(), out var draft, out _));

        var codes = RuleAssert.Validator.Validate(draft).Select(v => v.Code).ToHashSet();
        Assert.Equal(new[] { TemplateRules.NameFormat, TemplateRules.CategoryValue, TemplateRules.LanguageCode, TemplateRules.BodyRequired }.Order(), codes.Order());
        Assert.Equal(TemplateParameterFormat.Positional, draft.ParameterFormat);
        Assert.Empty(draft.Components);
    }

    [Fact]
    public void Null_fields_read_as_missing() =>
        Assert.True(TemplateDraftJson.TryParse(JsonNode.Parse("""{"name":null,"components":null}"""), out var draft, out _) && draft.Name is null);

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"a template\"")]
    [InlineData("42")]
    [InlineData("""{"name":5}""")]
    [InlineData("""{"name":{"deep":{"deeper":[1,2,3]}}}""")]
    [InlineData("""{"category":["UTILITY"]}""")]
    [InlineData("""{"language":true}""")]
    [InlineData("""{"parameter_format":"BOTH"}""")]
    [InlineData("""{"components":{}}""")]
    [InlineData("""{"components":[1]}""")]
    [InlineData("""{"components":[{"type":"CAROUSEL"}]}""")]
    [InlineData("""{"components":[{"text":"no type"}]}""")]
    [InlineData("""{"components":[{"type":"BODY","text":123}]}""")]
    [InlineData("""{"components":[{"type":"BODY","example":{"body_text":[[1,2]]}}]}""")]
    [InlineData("""{"components":[{"type":"BODY","example":{"body_text":"Ana"}}]}""")]
    [InlineData("""{"components":[{"type":"BODY","example":{"body_text":[["a"],["b"]]}}]}""")]
    [InlineData("""{"components":[{"type":"BODY","example":[]}]}""")]
    [InlineData("""{"components":[{"type":"BODY","add_security_recommendation":"yes"}]}""")]
    [InlineData("""{"components":[{"type":"BODY","example":{"body_text_named_params":[["first_name","Ana"]]}}]}""")]
    [InlineData("""{"components":[{"type":"FOOTER","code_expiration_minutes":"10"}]}""")]
    [InlineData("""{"components":[{"type":"FOOTER","code_expiration_minutes":1.5}]}""")]
    [InlineData("""{"components":[{"type":"FOOTER","code_expiration_minutes":1e40}]}""")]
    [InlineData("""{"components":[{"type":"HEADER","format":"IMAGE","example":{"header_handle":["a","b"]}}]}""")]
    [InlineData("""{"components":[{"type":"HEADER","format":7}]}""")]
    [InlineData("""{"components":[{"type":"BUTTONS","buttons":"none"}]}""")]
    [InlineData("""{"components":[{"type":"BUTTONS","buttons":[{"type":"FLOW","text":"x"}]}]}""")]
    [InlineData("""{"components":[{"type":"BUTTONS","buttons":[{"type":"URL","text":"x","url":"https://a.b/{{1}}","example":["a","b"]}]}]}""")]
    [InlineData("""{"components":[{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","supported_apps":[{"package_name":7}]}]}]}""")]
    [InlineData("""{"components":[{"type":"BUTTONS","buttons":[{"type":"OTP","zero_tap_terms_accepted":"true"}]}]}""")]
    public void Hostile_json_is_an_error_not_an_exception(string json)
    {
        Assert.False(TemplateDraftJson.TryParse(JsonNode.Parse(json), out var draft, out var error));
        Assert.Null(draft);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void A_missing_node_is_an_error() =>
        Assert.False(TemplateDraftJson.TryParse(null, out _, out var error) || error.Length == 0);

    [Fact]
    public void Huge_arrays_and_strings_are_refused_with_the_path_named()
    {
        var components = new JsonArray();
        for (var i = 0; i < 21; i++)
        {
            components.Add(new JsonObject { ["type"] = "BODY" });
        }

        var buttons = new JsonArray();
        for (var i = 0; i < 51; i++)
        {
            buttons.Add(new JsonObject { ["type"] = "QUICK_REPLY", ["text"] = "x" });
        }

        var examples = new JsonArray();
        for (var i = 0; i < 101; i++)
        {
            examples.Add("x");
        }

        Assert.False(TemplateDraftJson.TryParse(new JsonObject { ["components"] = components }, out _, out var error));
        Assert.Contains("components has 21 items", error);
        Assert.False(TemplateDraftJson.TryParse(Component(new JsonObject { ["type"] = "BUTTONS", ["buttons"] = buttons }), out _, out error));
        Assert.Contains("components[0].buttons has 51 items", error);
        Assert.False(TemplateDraftJson.TryParse(Component(new JsonObject { ["type"] = "BODY", ["example"] = new JsonObject { ["body_text"] = new JsonArray(examples) } }), out _, out error));
        Assert.Contains("101 items", error);
        Assert.False(TemplateDraftJson.TryParse(Component(new JsonObject { ["type"] = "BODY", ["text"] = new string('a', 10_001) }), out _, out error));
        Assert.Contains("components[0].text is 10001 characters", error);
    }

    [Fact]
    public void Oversized_but_parseable_drafts_are_left_to_the_rules()
    {
        var buttons = new JsonArray();
        for (var i = 0; i < 12; i++)
        {
            buttons.Add(new JsonObject { ["type"] = "QUICK_REPLY", ["text"] = $"Option {i}" });
        }

        var json = TemplateDraftJson.ToJson(Utility().Body(new string('a', 2000)).Build());
        json["components"]!.AsArray()[3] = new JsonObject { ["type"] = "BUTTONS", ["buttons"] = buttons };

        Assert.True(TemplateDraftJson.TryParse(json, out var draft, out _));
        var codes = RuleAssert.Validator.Validate(draft).Select(v => v.Code).ToList();
        Assert.Contains(TemplateRules.BodyLength, codes);
        Assert.Contains(TemplateRules.ButtonsCount, codes);
    }

    private static JsonObject Component(JsonObject component) => new() { ["components"] = new JsonArray(component) };
}
