using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Concierge.Skills;

/// <summary>
/// A skill's state as the session stores it: the JSON of the skill's own typed record. The
/// pipeline and the store only carry it; each skill reads and writes it with its source-generated
/// serializer (<see cref="Read{T}"/>, <see cref="Of{T}"/>), so no skill works on an untyped bag.
/// </summary>
public sealed class SkillStateDocument : IEquatable<SkillStateDocument>
{
    public static readonly SkillStateDocument Empty = new(null);

    private SkillStateDocument(string? json) => Json = json;

    /// <summary>The stored JSON; null when the skill has no state yet.</summary>
    public string? Json { get; }

    public bool IsEmpty => Json is null;

    public static SkillStateDocument FromJson(string? json) => string.IsNullOrWhiteSpace(json) ? Empty : new SkillStateDocument(json);

    public static SkillStateDocument Of<T>(T state, JsonTypeInfo<T> type) => new(JsonSerializer.Serialize(state, type));

    /// <summary>The typed state, or <paramref name="initial"/> when there is none (or it is not this skill's shape).</summary>
    public T Read<T>(JsonTypeInfo<T> type, T initial)
    {
        if (Json is null)
        {
            return initial;
        }

        try
        {
            return JsonSerializer.Deserialize(Json, type) ?? initial;
        }
        catch (JsonException)
        {
            // A state written by an older version of the skill that no longer reads: start afresh
            // rather than fail every turn of the session.
            return initial;
        }
    }

    /// <summary>The JSON as a node, for the debug document.</summary>
    public JsonNode? ToNode() => Json is null ? null : JsonNode.Parse(Json);

    public bool Equals(SkillStateDocument? other) => other is not null && string.Equals(Json, other.Json, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as SkillStateDocument);

    public override int GetHashCode() => Json?.GetHashCode(StringComparison.Ordinal) ?? 0;
}
