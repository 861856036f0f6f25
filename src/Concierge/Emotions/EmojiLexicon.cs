namespace Concierge.Emotions;

/// <summary>Emoji that show an emotion; each counts like one lexicon word.</summary>
internal static class EmojiLexicon
{
    private static readonly Dictionary<int, EmotionLabel> Emoji = Build();

    public static IEnumerable<EmotionLabel> In(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Emoji.TryGetValue(rune.Value, out var label))
            {
                yield return label;
            }
        }
    }

    private static Dictionary<int, EmotionLabel> Build()
    {
        var map = new Dictionary<int, EmotionLabel>();
        void Add(EmotionLabel label, string emoji)
        {
            foreach (var rune in emoji.EnumerateRunes().Where(r => r.Value > 0x2000 && r.Value != 0xFE0F))
            {
                map[rune.Value] = label;
            }
        }

        Add(EmotionLabel.Joy, "😀😃😄😁😆😊🙂😍🥰😘🤩🥳🎉❤💕💖😎☺👍😂🤗");
        Add(EmotionLabel.Gratitude, "🙏");
        Add(EmotionLabel.Sadness, "😢😭😞😔☹🙁💔😿");
        Add(EmotionLabel.Anger, "😠😡🤬👿💢");
        Add(EmotionLabel.Frustration, "😤🙄😒😩😫🤦👎");
        Add(EmotionLabel.Anxiety, "😰😟😨😬😥😧😱");
        return map;
    }
}
