namespace Concierge.Emotions;

/// <summary>
/// Words and phrases (folded: lower case, no accents) of Spanish, English and Portuguese with the
/// emotion they show and a weight. Words that mean different things across the three languages
/// ("bravo", "puto") are left out rather than guessed.
/// </summary>
internal static class EmotionLexicon
{
    public static readonly IReadOnlyDictionary<string, (EmotionLabel Label, double Weight)> Entries = Build();

    public static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "no", "not", "never", "nunca", "nao", "nem", "ni", "jamas", "tampoco", "don't", "dont", "isn't", "isnt", "wasn't", "wasnt",
        "aren't", "arent", "doesn't", "doesnt", "didn't", "didnt", "nada",
    };

    public static readonly HashSet<string> Intensifiers = new(StringComparer.Ordinal)
    {
        "muy", "super", "re", "tan", "demasiado", "bastante", "realmente", "sumamente", "muchisimo", "really", "very", "so", "extremely",
        "totally", "incredibly", "absolutely", "too", "muito", "tao", "bem", "mega", "hiper", "extremamente", "completamente",
    };

    /// <summary>The longest phrase in the lexicon, in words.</summary>
    public static readonly int LongestPhrase = Entries.Keys.Max(k => k.Split(' ').Length);

    private static Dictionary<string, (EmotionLabel, double)> Build()
    {
        var entries = new Dictionary<string, (EmotionLabel, double)>(StringComparer.Ordinal);
        void Add(EmotionLabel label, double weight, params string[] phrases)
        {
            foreach (var phrase in phrases)
            {
                entries[phrase] = (label, weight);
            }
        }

        // Polite formulas that would otherwise read as a negated emotion ("no, gracias").
        Add(EmotionLabel.Neutral, 0, "no gracias", "no thanks", "no thank you", "nao obrigado", "nao obrigada", "no problem", "sin problema", "sem problema", "no worries", "no pasa nada");
        Add(EmotionLabel.Joy, 1.0,
            "feliz", "felices", "contento", "contenta", "contentos", "alegre", "encantado", "encantada", "genial", "excelente", "maravilloso",
            "maravillosa", "fantastico", "fantastica", "estupendo", "me encanta", "me encanto", "happy", "glad", "great", "awesome", "amazing",
            "wonderful", "excellent", "love it", "delighted", "excited", "fantastic", "lovely", "pleased", "yay", "contente", "otimo", "otima",
            "maravilhoso", "maravilhosa", "incrivel", "increible", "adorei", "amei", "animado", "animada", "felicisimo", "felicissimo");
        Add(EmotionLabel.Joy, 0.5, "bueno", "buena", "bom", "boa", "good", "nice", "legal", "perfecto", "perfect", "perfeito", "cool");
        Add(EmotionLabel.Gratitude, 1.0,
            "gracias", "muchas gracias", "mil gracias", "agradecido", "agradecida", "agradezco", "thanks", "thank you", "thx", "grateful",
            "appreciate", "appreciated", "obrigado", "obrigada", "muito obrigado", "muito obrigada", "agradeco", "valeu", "te lo agradezco");
        Add(EmotionLabel.Frustration, 1.0,
            "frustrado", "frustrada", "frustrante", "harto", "harta", "molesto", "molesta", "no funciona", "no sirve", "ya te dije", "que lata",
            "ridiculo", "ridicula", "annoyed", "annoying", "frustrated", "frustrating", "fed up", "sick of", "ugh", "not working", "doesn't work",
            "useless", "inutil", "irritated", "irritado", "irritada", "chateado", "chateada", "de saco cheio", "nao funciona", "cansei", "que saco",
            "aff", "otra vez lo mismo", "i already told you", "ja disse");
        Add(EmotionLabel.Frustration, 0.6, "cansado", "cansada", "tired", "again", "de nuevo", "otra vez", "de novo");
        Add(EmotionLabel.Anger, 1.0,
            "enojado", "enojada", "furioso", "furiosa", "enfadado", "enfadada", "rabia", "me da rabia", "indignado", "indignada", "odio",
            "angry", "furious", "outraged", "hate", "pissed", "livid", "raiva", "com raiva", "inaceptable", "unacceptable", "inaceitavel",
            "indignante", "una verguenza", "a disgrace", "uma vergonha");
        Add(EmotionLabel.Anger, 0.7, "absurdo", "absurd", "mad", "disgusting");
        Add(EmotionLabel.Sadness, 1.0,
            "triste", "tristeza", "deprimido", "deprimida", "decepcionado", "decepcionada", "me siento mal", "llorar", "sad", "unhappy",
            "depressed", "disappointed", "heartbroken", "upset", "desapontado", "desapontada", "chorar", "magoado", "magoada", "sinto-me mal",
            "feel bad", "me sinto mal");
        Add(EmotionLabel.Sadness, 0.7, "que pena", "lastima", "what a pity", "pena");
        Add(EmotionLabel.Anxiety, 1.0,
            "preocupado", "preocupada", "me preocupa", "nervioso", "nerviosa", "ansioso", "ansiosa", "ansiedad", "miedo", "tengo miedo",
            "angustia", "angustiado", "angustiada", "estresado", "estresada", "worried", "worry", "nervous", "anxious", "anxiety", "scared",
            "afraid", "stressed", "panic", "freaking out", "nervoso", "nervosa", "medo", "aflito", "aflita", "estressado", "estressada",
            "ansiedade", "preocupa");
        return entries;
    }
}
