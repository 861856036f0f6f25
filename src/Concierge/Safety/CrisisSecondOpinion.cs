using System.Text.Json;
using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Models;

namespace Concierge.Safety;

/// <summary>
/// The model's second opinion on a message the offline detector found ambiguous (a cue, an idiom,
/// a negation or a frame around crisis words, or only a Low detection): structured output with
/// crisis yes/no, severity and a short reason. Its answer can only raise the offline verdict; the
/// caller keeps the offline verdict on a failure, a "no" or anything unreadable.
/// </summary>
public static class CrisisSecondOpinion
{
    /// <summary>The rule id a crisis raised by the model alone carries.</summary>
    public const string Rule = "model.second_opinion";

    private const string Instructions =
        "You are a safety classifier for a wellbeing chat. Decide whether the user's NEWEST message, read with their earlier "
        + "messages, indicates a risk of suicide or self-harm for the user themself (ideation, intent, a plan, means, a goodbye, "
        + "being a burden, wanting to disappear for good, or questions about lethal means). Figures of speech (\"this heat is "
        + "killing me\", \"me muero de la risa\"), clear negations (\"I would never hurt myself\"), quotes, news, fiction and "
        + "homework or research questions are NOT a crisis. Messages may be in Spanish, English, Portuguese or mixed, with typos. "
        + "severity: none, low (indirect cues), medium (stated wish to die or self-harm), high (intent, plan, means, farewell), "
        + "imminent (an act under way or set for now). reason: a few English words naming the signal, never quoting the user. "
        + "language: es, en, pt or null.";

    /// <summary>Whether the offline verdict leaves anything for a model to raise: not for a clear detection, never when the guardrail is off.</summary>
    public static bool IsWorthAsking(SafetyVerdict offline)
    {
        ArgumentNullException.ThrowIfNull(offline);
        return offline.By != "off" && (offline.IsCrisis ? offline.Severity <= CrisisSeverity.Low : offline.Ambiguous);
    }

    public static ModelRequest Build(string text, IReadOnlyList<string> recentUserMessages)
    {
        var messages = new List<ModelMessage> { new(MessageRole.System, Instructions) };
        if (recentUserMessages.Count > 0)
        {
            messages.Add(new ModelMessage(MessageRole.User, "Earlier messages from the user, oldest first:\n" + string.Join("\n", recentUserMessages.Select(m => "- " + m))));
        }

        messages.Add(new ModelMessage(MessageRole.User, "Newest message:\n" + text));
        return new ModelRequest(messages, 0, new ResponseSchema("crisis_opinion", Schema()), MaxOutputTokens: 120);
    }

    public static async Task<CrisisOpinion> AskAsync(ILanguageModel model, string text, IReadOnlyList<string> recentUserMessages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = await model.CompleteAsync(Build(text, recentUserMessages), cancellationToken);
        return Read(result.Response?.Text) with { Calls = result.Calls };
    }

    /// <summary>The model's answer; <see cref="CrisisOpinion.Crisis"/> is null when it is missing or unreadable.</summary>
    public static CrisisOpinion Read(string? answer)
    {
        try
        {
            if (JsonNode.Parse(answer ?? string.Empty) is not JsonObject o || o["crisis"] is not JsonValue c || !c.TryGetValue<bool>(out var crisis))
            {
                return CrisisOpinion.Unknown;
            }

            var severity = o["severity"] is JsonValue s && s.TryGetValue<string>(out var name) && Enum.TryParse<CrisisSeverity>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : CrisisSeverity.None;
            if (crisis && severity == CrisisSeverity.None)
            {
                severity = CrisisSeverity.Low;
            }

            var reason = o["reason"] is JsonValue r && r.TryGetValue<string>(out var why) ? Shorten(why) : "unspecified";
            var language = o["language"] is JsonValue l && l.TryGetValue<string>(out var code) && code is "es" or "en" or "pt" ? code : null;
            return new CrisisOpinion(crisis, crisis ? severity : CrisisSeverity.None, reason, language);
        }
        catch (JsonException)
        {
            return CrisisOpinion.Unknown;
        }
    }

    // The reason goes into events and alerts: short, one line.
    private static string Shorten(string reason)
    {
        var line = reason.ReplaceLineEndings(" ").Trim();
        return line.Length <= 80 ? line : line[..80];
    }

    private static JsonObject Schema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["crisis"] = new JsonObject { ["type"] = "boolean" },
            ["severity"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("none", "low", "medium", "high", "imminent") },
            ["reason"] = new JsonObject { ["type"] = "string" },
            ["language"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
        },
        ["required"] = new JsonArray("crisis", "severity", "reason", "language"),
        ["additionalProperties"] = false,
    };
}

/// <summary>What the model said; <see cref="Crisis"/> null means no usable answer.</summary>
public sealed record CrisisOpinion(bool? Crisis, CrisisSeverity Severity, string Reason, string? Language)
{
    public static CrisisOpinion Unknown { get; } = new(null, CrisisSeverity.None, "no answer", null);

    public IReadOnlyList<ModelCallLog> Calls { get; init; } = [];
}
