using System.Text;

namespace Concierge.Safety;

/// <summary>
/// The few emoji that carry meaning for crisis detection, as cue tokens. A cue never makes a crisis
/// by itself (🔪 is also cooking, 🪦 also mourning); rules combine it with words.
/// </summary>
internal static class CrisisEmoji
{
    /// <summary>The code of the emoji table, which is no language.</summary>
    public const string Table = "emoji";

    public const string Pill = "#pill";
    public const string Blade = "#blade";
    public const string Gun = "#gun";
    public const string Grave = "#grave";
    public const string Blood = "#blood";
    public const string Laugh = "#laugh";

    /// <summary>The language-neutral table: lethal-means emoji as a means cue.</summary>
    public static CrisisLanguage Rules() => new CrisisLanguage(Table)
        .Cue("cue.means", CrisisCue.Means, "lethal-means emoji", $"{Pill}|{Blade}|{Gun}|{Grave}");

    public static string? Cue(Rune rune) => rune.Value switch
    {
        0x1F48A or 0x1F489 => Pill, // 💊 💉
        0x1F52A or 0x1F5E1 or 0x1FA92 => Blade, // 🔪 🗡 🪒
        0x1F52B => Gun, // 🔫
        0x1FAA6 or 0x26B0 or 0x26B1 or 0x1FAA2 => Grave, // 🪦 ⚰ ⚱ 🪢
        // 🩸 is also a period or a blood donation: only the concept families read it, as self-harm
        // that still needs the first person and company to count.
        0x1FA78 => Blood,
        // 💀 and ☠ are how people laugh online ("I'm dead"), so they read as laughter, not death.
        0x1F602 or 0x1F923 or 0x1F639 or 0x1F606 or 0x1F605 or 0x1F480 or 0x2620 => Laugh,
        _ => null,
    };
}
