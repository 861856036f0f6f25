using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Concierge.Bookings.Conversation;

/// <summary>
/// The JSON a session stores for a <see cref="BookingState"/>: snake_case names, enums as words, dates
/// and times as ISO text, instants as ISO 8601 with offset. A stored state that no longer reads (a
/// hand edit, an older shape) gives null, and the conversation starts over rather than fail the turn.
/// </summary>
public static class BookingStateJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower),
            new NodaPatternConverter<LocalDate>(LocalDatePattern.Iso),
            new NodaPatternConverter<LocalTime>(LocalTimePattern.ExtendedIso),
            new NodaPatternConverter<LocalDateTime>(LocalDateTimePattern.ExtendedIso),
        },
    };

    public static string Write(BookingState state) => JsonSerializer.Serialize(state, Options);

    public static BookingState? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<BookingState>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
