using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concierge.Skills;
using Concierge.Skills.Templates;
using Concierge.Skills.Templates.Builder;

namespace Concierge.Tests.Skills.Templates.Conversations;

/// <summary>What one turn must produce. Null properties are not checked; the invariants of <see cref="ConversationCase"/> always are.</summary>
internal sealed record Expect(string Action)
{
    public string? Category { get; init; }
    public string? Language { get; init; }

    /// <summary>The draft's component types in order, comma-separated ("HEADER,BODY,BUTTONS").</summary>
    public string? Components { get; init; }

    /// <summary>The button types in order, comma-separated ("QUICK_REPLY,URL").</summary>
    public string? Buttons { get; init; }
    public string? BodyIs { get; init; }
    public string[] BodyContains { get; init; } = [];
    public string? HeaderText { get; init; }
    public string? FooterText { get; init; }
    public string[] ReplyContains { get; init; } = [];
    public string[] ReplyLacks { get; init; } = [];
    public string? FirstMissing { get; init; }
    public string[] PayloadContains { get; init; } = [];
    public string[] Examples { get; init; } = [];
    public bool? StartsNewDraft { get; init; }
    public string? Name { get; init; }
}

/// <summary>
/// A conversation as data: messages and what each turn must produce. <see cref="Run"/> plays it through
/// <see cref="ConversationHarness"/> and fails with the case's name, the turn and the transcript.
/// Every turn also checks the invariants: the action matches the state (ASK ⇔ something missing,
/// FINAL ⇔ a payload), a DRAFT or FINAL draft has no rule error, the reply shows the real body, and
/// every FINAL payload is exactly MetaTemplatePayload.Build of the draft, in Meta's shapes, and
/// passes the validator when read back.
/// </summary>
internal sealed class ConversationCase(string name, params (string Message, Expect Expect)[] turns)
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name { get; } = name;

    public IReadOnlyList<(string Message, Expect Expect)> Turns { get; } = turns;

    public override string ToString() => Name;

    public void Run()
    {
        var harness = new ConversationHarness();
        for (var i = 0; i < Turns.Count; i++)
        {
            var (message, expect) = Turns[i];
            var outcome = harness.Say(message);
            var problems = new List<string>();
            CheckInvariants(outcome, problems);
            CheckExpectations(outcome, expect, problems);
            if (problems.Count > 0)
            {
                Assert.Fail($"Conversation '{Name}', turn {i + 1} (\"{message}\"):\n- {string.Join("\n- ", problems)}\n\nTranscript:\n{harness.Transcript}");
            }
        }
    }

    private static void CheckInvariants(TemplateTurn outcome, List<string> problems)
    {
        if (outcome.Action is not (TemplateSkill.AskAction or TemplateSkill.DraftAction or TemplateSkill.FinalAction))
        {
            problems.Add($"unexpected action {outcome.Action}");
            return;
        }

        if ((outcome.Action == TemplateSkill.AskAction) != (outcome.Missing.Count > 0))
        {
            problems.Add($"action {outcome.Action} with missing [{string.Join(", ", outcome.Missing)}]");
        }

        if ((outcome.Action == TemplateSkill.FinalAction) != (outcome.FinalPayload is not null))
        {
            problems.Add($"action {outcome.Action} with final payload {(outcome.FinalPayload is null ? "null" : "set")}");
        }

        if (outcome.Action == TemplateSkill.AskAction)
        {
            if (!outcome.Reply.Contains('?', StringComparison.Ordinal))
            {
                problems.Add("an ASK reply must ask a question");
            }

            return;
        }

        if (outcome.Draft is null || !TemplateDraftJson.TryParse(outcome.Draft, out var draft, out _))
        {
            problems.Add($"{outcome.Action} without a readable draft");
            return;
        }

        var errors = TemplateValidator.Default.Validate(draft).Where(v => v.IsError).ToList();
        if (errors.Count > 0)
        {
            problems.Add($"{outcome.Action} with rule errors: {string.Join("; ", errors)}");
            return;
        }

        if (!draft.IsAuthentication && draft.Body?.Text is { } body && !outcome.Reply.Contains(body, StringComparison.Ordinal) && !outcome.Reply.Contains(draft.Name!, StringComparison.Ordinal))
        {
            problems.Add("the reply shows neither the body nor the template's name");
        }

        if (outcome.FinalPayload is { } payload)
        {
            CheckPayload(payload, draft, problems);
        }
    }

    private static void CheckPayload(JsonObject payload, TemplateDraft draft, List<string> problems)
    {
        if (!JsonNode.DeepEquals(payload, MetaTemplatePayload.Build(draft)))
        {
            problems.Add("the payload is not MetaTemplatePayload.Build of the draft");
        }

        var allowed = new[] { "name", "language", "category", "parameter_format", "components" };
        if (payload.Select(p => p.Key).Except(allowed).FirstOrDefault() is { } extra)
        {
            problems.Add($"the payload has an unexpected field '{extra}'");
        }

        foreach (var component in payload["components"]!.AsArray().OfType<JsonObject>())
        {
            var example = component["example"] as JsonObject;
            switch (component["type"]!.GetValue<string>())
            {
                case "BODY" when example is not null:
                    if (example["body_text"] is not JsonArray { Count: 1 } outer || outer[0] is not JsonArray inner || inner.Any(v => v?.GetValueKind() != JsonValueKind.String))
                    {
                        problems.Add($"BODY example is not body_text [[...]]: {example.ToJsonString()}");
                    }

                    break;
                case "HEADER" when example is not null:
                    if (example["header_text"] is not JsonArray flat || flat.Any(v => v?.GetValueKind() != JsonValueKind.String))
                    {
                        problems.Add($"HEADER example is not header_text [...]: {example.ToJsonString()}");
                    }

                    break;
            }
        }

        // Read back as Meta would receive it: the same rules must pass.
        if (!TemplateDraftJson.TryParse(payload, out var reread, out var error))
        {
            problems.Add($"the payload does not read back as a draft: {error}");
        }
        else if (TemplateValidator.Default.Validate(reread).Where(v => v.IsError).ToList() is { Count: > 0 } errors)
        {
            problems.Add($"the payload read back breaks rules: {string.Join("; ", errors)}");
        }
    }

    private static void CheckExpectations(TemplateTurn outcome, Expect expect, List<string> problems)
    {
        if (outcome.Action != expect.Action)
        {
            problems.Add($"action {outcome.Action}, expected {expect.Action}");
        }

        if (expect.FirstMissing is not null && outcome.Missing.FirstOrDefault() != expect.FirstMissing)
        {
            problems.Add($"first missing '{outcome.Missing.FirstOrDefault()}', expected '{expect.FirstMissing}'");
        }

        foreach (var part in expect.ReplyContains.Where(p => !outcome.Reply.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"the reply lacks '{part}'");
        }

        foreach (var part in expect.ReplyLacks.Where(p => outcome.Reply.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"the reply should not contain '{part}'");
        }

        if (expect.StartsNewDraft is { } startsNew && outcome.StartsNewDraft != startsNew)
        {
            problems.Add($"StartsNewDraft {outcome.StartsNewDraft}, expected {startsNew}");
        }

        var payloadText = outcome.FinalPayload?.ToJsonString(Readable) ?? string.Empty;
        foreach (var part in expect.PayloadContains.Where(p => !payloadText.Contains(p, StringComparison.Ordinal)))
        {
            problems.Add($"the payload lacks {part}: {payloadText}");
        }

        if (outcome.Draft is null || !TemplateDraftJson.TryParse(outcome.Draft, out var draft, out _))
        {
            if (expect.Category is not null || expect.Language is not null || expect.Components is not null || expect.BodyIs is not null)
            {
                problems.Add("no draft to check");
            }

            return;
        }

        Check("category", draft.Category, expect.Category, problems);
        Check("language", draft.Language, expect.Language, problems);
        Check("name", draft.Name, expect.Name, problems);
        Check("components", string.Join(",", draft.Components.Select(c => c.Type)), expect.Components, problems);
        Check("buttons", string.Join(",", draft.Buttons?.Buttons.Select(b => b.Type) ?? []), expect.Buttons, problems);
        Check("body", draft.Body?.Text, expect.BodyIs, problems);
        Check("header", draft.Header?.Text, expect.HeaderText, problems);
        Check("footer", draft.Footer?.Text, expect.FooterText, problems);
        foreach (var part in expect.BodyContains.Where(p => draft.Body?.Text?.Contains(p, StringComparison.Ordinal) != true))
        {
            problems.Add($"the body lacks '{part}': {draft.Body?.Text}");
        }

        if (expect.Examples.Length > 0 && !expect.Examples.SequenceEqual(draft.Body?.Examples ?? []))
        {
            problems.Add($"body examples [{string.Join(", ", draft.Body?.Examples ?? [])}], expected [{string.Join(", ", expect.Examples)}]");
        }
    }

    private static void Check(string what, string? actual, string? expected, List<string> problems)
    {
        if (expected is not null && actual != expected)
        {
            problems.Add($"{what} '{actual}', expected '{expected}'");
        }
    }
}
