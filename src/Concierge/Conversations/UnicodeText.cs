namespace Concierge.Conversations;

/// <summary>Checks on text that arrived from outside, before it is stored.</summary>
public static class UnicodeText
{
    /// <summary>
    /// Whether <paramref name="value"/> holds a UTF-16 surrogate without its pair: not text at all,
    /// and refused by PostgreSQL (and by any JSON reader downstream) when written.
    /// </summary>
    public static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
