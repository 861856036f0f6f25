using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;

namespace Concierge.Bookings.Conversation;

/// <summary>Writes a NodaTime value as its ISO text ("2026-03-05", "20:00:00", "2026-03-05T20:00:00").</summary>
internal sealed class NodaPatternConverter<T>(IPattern<T> pattern) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = pattern.Parse(reader.GetString() ?? "");
        return result.Success ? result.Value : throw new JsonException(result.Exception.Message);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(pattern.Format(value));
}
