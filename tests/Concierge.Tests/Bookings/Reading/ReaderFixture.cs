using Concierge.Bookings;
using Concierge.Bookings.Reading;

namespace Concierge.Tests.Bookings.Reading;

/// <summary>The reader at a fixed moment: Wednesday 4 March 2026, 12:00 in Santiago (UTC−3).</summary>
internal static class ReaderFixture
{
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<Service> Services =
    [
        Service("cena-degustacion", "Cena degustación"),
        Service("clase-cocina", "Clase de cocina"),
        Service("private-chef", "Private chef"),
    ];

    public static BookingSlots Read(string text, BookingField? pending = null, string locale = "es-CL", string zone = "America/Santiago") =>
        BookingSlotReader.Read(text, new BookingReadContext(Now, zone, locale, null, pending, Services));

    private static Service Service(string key, string name) =>
        new(Guid.NewGuid(), Guid.Empty, key, name, TimeSpan.FromHours(2), 40, CapacityUnit.Seats, 1, 12);
}
