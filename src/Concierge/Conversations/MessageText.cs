using System.Globalization;
using System.Text;

namespace Concierge.Conversations;

/// <summary>The rules a user's message must meet before a turn starts.</summary>
public static class MessageText
{
    /// <summary>Returns the text to store, or throws <see cref="InvalidTurnInputException"/> naming <paramref name="field"/>.</summary>
    public static string Validate(string? text, int maxLength, string field = "message")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidTurnInputException(field, TurnInputCodes.Empty, $"'{field}' must contain text; it was empty.");
        }

        // Length counts what a person sees (text elements), not UTF-16 units, so an emoji is one.
        var length = new StringInfo(text).LengthInTextElements;
        if (length > maxLength)
        {
            throw new InvalidTurnInputException(field, TurnInputCodes.TooLong, $"'{field}' is {length} characters long; the limit is {maxLength}.");
        }

        // NUL cannot be stored in PostgreSQL text, and a lone surrogate is not text at all.
        foreach (var rune in text.EnumerateRunesStrict())
        {
            if (rune is null)
            {
                throw new InvalidTurnInputException(field, TurnInputCodes.InvalidText, $"'{field}' contains an unpaired UTF-16 surrogate.");
            }

            if (rune.Value.Value == 0)
            {
                throw new InvalidTurnInputException(field, TurnInputCodes.InvalidText, $"'{field}' contains a NUL character.");
            }
        }

        return text.Normalize(NormalizationForm.FormC);
    }

    private static IEnumerable<Rune?> EnumerateRunesStrict(this string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                yield return null;
                yield break;
            }

            yield return rune;
            i += consumed;
        }
    }
}
