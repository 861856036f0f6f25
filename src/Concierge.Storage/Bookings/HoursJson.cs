using System.Text.Json.Nodes;
using Concierge.Bookings;
using NodaTime;
using NodaTime.Text;

namespace Concierge.Storage.Bookings;

/// <summary>
/// A service's hours as its JSON column holds them:
/// <c>{"week":{"monday":[["11:00","22:00"]]},"closed":["2026-12-25"],"special":{"2026-12-31":[["18:00","23:00"]]}}</c>.
/// Written by hand over JsonNode: the shape is small and NodaTime values need their own text anyway.
/// </summary>
internal static class HoursJson
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static string Write(OpeningHours hours)
    {
        var week = new JsonObject();
        foreach (var (day, intervals) in hours.Week.OrderBy(d => d.Key))
        {
            week[day.ToString().ToLowerInvariant()] = Intervals(intervals);
        }

        var special = new JsonObject();
        foreach (var s in hours.Exceptions.OfType<SpecialHours>())
        {
            special[LocalDatePattern.Iso.Format(s.Date)] = Intervals(s.Intervals);
        }

        var closed = new JsonArray([.. hours.Exceptions.OfType<ClosedDay>().Select(c => (JsonNode)LocalDatePattern.Iso.Format(c.Date))]);
        return new JsonObject { ["week"] = week, ["closed"] = closed, ["special"] = special }.ToJsonString();
    }

    public static OpeningHours Read(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var hours = OpeningHours.Closed;
        foreach (var (day, intervals) in root["week"]?.AsObject() ?? [])
        {
            var weekday = Enum.Parse<IsoDayOfWeek>(day, ignoreCase: true);
            hours = hours.With(weekday, ReadIntervals(intervals));
        }

        foreach (var date in root["closed"]?.AsArray() ?? [])
        {
            hours = hours.Except(new ClosedDay(LocalDatePattern.Iso.Parse((string)date!).Value));
        }

        foreach (var (date, intervals) in root["special"]?.AsObject() ?? [])
        {
            hours = hours.Except(new SpecialHours(LocalDatePattern.Iso.Parse(date).Value, ReadIntervals(intervals)));
        }

        return hours;
    }

    private static JsonArray Intervals(IEnumerable<OpeningInterval> intervals) =>
        new([.. intervals.Select(i => (JsonNode)new JsonArray(Time.Format(i.Opens), Time.Format(i.Closes)))]);

    private static OpeningInterval[] ReadIntervals(JsonNode? node) =>
        [.. (node?.AsArray() ?? []).Select(pair => new OpeningInterval(
            Time.Parse((string)pair![0]!).Value,
            Time.Parse((string)pair[1]!).Value))];
}
