using NodaTime;
using NodaTime.Text;

namespace Concierge.Bookings;

/// <summary>"HH:mm" texts of configuration and tests, read with the invariant culture.</summary>
internal static class LocalTimeText
{
    private static readonly LocalTimePattern Pattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static LocalTime Parse(string text) => Pattern.Parse(text).Value;
}
