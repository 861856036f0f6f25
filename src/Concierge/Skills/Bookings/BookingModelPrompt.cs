using System.Text.Json;
using System.Text.Json.Nodes;
using Concierge.Conversations;
using Concierge.Models;

namespace Concierge.Skills.Bookings;

/// <summary>
/// The model's part of a booking turn: a structured-output request that extracts the slots of the
/// newest message, and the reading of its answer. The model only extracts; the skill decides.
/// </summary>
public static class BookingModelPrompt
{
    private static readonly string[] Fields = ["service", "date", "time", "party_size", "name", "contact", "confirms", "intent", "language"];

    public static ModelRequest Build(SkillContext context, string today)
    {
        var system =
            $"{context.Agent.Instructions}\nExtract what the customer's newest message says about a booking. Today is {today}. "
            + "Dates as yyyy-MM-dd (resolve 'next Friday', 'mañana', 'amanhã' from today), times as HH:mm in 24 h, party_size as a number, "
            + "contact as the phone number or e-mail they gave, confirms true/false only when they answer yes/no to a question, "
            + "intent one of book, cancel, reschedule, whats_free, none; language es, en or pt. Use null for anything the message does not say; never guess.";
        var messages = new List<ModelMessage> { new(MessageRole.System, system) };
        messages.AddRange(context.History.TakeLast(6).Where(m => m.Role is MessageRole.User or MessageRole.Assistant).Select(m => new ModelMessage(m.Role, m.Content)));
        messages.Add(new ModelMessage(MessageRole.User, context.UserText));
        return new ModelRequest(messages, 0, new ResponseSchema("booking_slots", Schema()), MaxOutputTokens: 300);
    }

    public static BookingProposal? Read(string userText, string? answer)
    {
        try
        {
            if (JsonNode.Parse(answer ?? string.Empty) is not JsonObject o)
            {
                return null;
            }

            string? S(string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
            int? party = o["party_size"] is JsonValue p && p.TryGetValue<int>(out var n) ? n : null;
            bool? confirms = o["confirms"] is JsonValue c && c.TryGetValue<bool>(out var b) ? b : null;
            var slots = new ModelBookingSlots(S("service"), S("date"), S("time"), party, S("name"), S("contact"), confirms, S("intent"), S("language"));
            return new BookingProposal(ProposalSource.Model, userText, slots);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Schema()
    {
        JsonObject Nullable(string type) => new() { ["type"] = new JsonArray(type, "null") };
        var properties = new JsonObject
        {
            ["service"] = Nullable("string"),
            ["date"] = Nullable("string"),
            ["time"] = Nullable("string"),
            ["party_size"] = Nullable("integer"),
            ["name"] = Nullable("string"),
            ["contact"] = Nullable("string"),
            ["confirms"] = Nullable("boolean"),
            ["intent"] = Nullable("string"),
            ["language"] = Nullable("string"),
        };
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. Fields.Select(f => (JsonNode)f)]),
            ["additionalProperties"] = false,
        };
    }
}
