using System.Text.Json.Serialization;

namespace Concierge.Skills.Templates.Builder;

/// <summary>How <see cref="TemplateState"/> is stored: source-generated, snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TemplateState))]
internal sealed partial class TemplateStateJson : JsonSerializerContext;
