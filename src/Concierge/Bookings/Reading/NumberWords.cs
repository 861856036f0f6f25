using System.Globalization;

namespace Concierge.Bookings.Reading;

/// <summary>Small numbers in digits or in Spanish, English and Portuguese words (folded), up to twenty.</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        ["un"] = 1,
        ["uno"] = 1,
        ["una"] = 1,
        ["one"] = 1,
        ["a"] = 1,
        ["um"] = 1,
        ["uma"] = 1,
        ["dos"] = 2,
        ["two"] = 2,
        ["dois"] = 2,
        ["duas"] = 2,
        ["couple"] = 2,
        ["tres"] = 3,
        ["three"] = 3,
        ["cuatro"] = 4,
        ["four"] = 4,
        ["quatro"] = 4,
        ["cinco"] = 5,
        ["five"] = 5,
        ["seis"] = 6,
        ["six"] = 6,
        ["siete"] = 7,
        ["seven"] = 7,
        ["sete"] = 7,
        ["ocho"] = 8,
        ["eight"] = 8,
        ["oito"] = 8,
        ["nueve"] = 9,
        ["nine"] = 9,
        ["nove"] = 9,
        ["diez"] = 10,
        ["ten"] = 10,
        ["dez"] = 10,
        ["once"] = 11,
        ["eleven"] = 11,
        ["onze"] = 11,
        ["doce"] = 12,
        ["twelve"] = 12,
        ["doze"] = 12,
        ["trece"] = 13,
        ["thirteen"] = 13,
        ["treze"] = 13,
        ["catorce"] = 14,
        ["fourteen"] = 14,
        ["catorze"] = 14,
        ["quatorze"] = 14,
        ["quince"] = 15,
        ["fifteen"] = 15,
        ["quinze"] = 15,
        ["dieciseis"] = 16,
        ["sixteen"] = 16,
        ["dezesseis"] = 16,
        ["dezasseis"] = 16,
        ["diecisiete"] = 17,
        ["seventeen"] = 17,
        ["dezessete"] = 17,
        ["dezassete"] = 17,
        ["dieciocho"] = 18,
        ["eighteen"] = 18,
        ["dezoito"] = 18,
        ["diecinueve"] = 19,
        ["nineteen"] = 19,
        ["dezenove"] = 19,
        ["dezanove"] = 19,
        ["veinte"] = 20,
        ["twenty"] = 20,
        ["vinte"] = 20,
    };

    /// <summary>A regex alternation of the words, longest first, so "dieciseis" wins over "seis".</summary>
    public static string Alternation { get; } =
        string.Join('|', Words.Keys.Where(k => k.Length > 1).OrderByDescending(k => k.Length));

    /// <summary>Digits or a word (the lone article "a" counts only where a pattern allows it).</summary>
    public static int? Parse(string token)
    {
        token = token.Trim();
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return Words.TryGetValue(token, out var value) ? value : null;
    }
}
