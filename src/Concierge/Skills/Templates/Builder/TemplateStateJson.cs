using System.Text.Json.Serialization;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// How <see cref="TemplateState"/> is stored: source-generated, snake_case, nulls left out (an
/// unknown slot is absent from the debug document's <c>memory</c>, as in the seed).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TemplateState))]
[JsonSerializable(typeof(TemplateMemory))]
internal sealed partial class TemplateStateJson : JsonSerializerContext;
