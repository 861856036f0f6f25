namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// Languages in a message: the one the user writes in (for replies and as the template's default)
/// and the template language the user names ("in Spanish", "español de México", "brasileiro").
/// </summary>
internal static class LanguageSense
{
    public const string English = "en";
    public const string Spanish = "es";
    public const string Portuguese = "pt";
    public const string French = "fr";

    public static IReadOnlyList<string> ReplyLanguages { get; } = [English, Spanish, Portuguese, French];

    // Function words that are frequent and mostly distinctive; shared ones ("de", "la") are left out or weighed by context.
    private static readonly Dictionary<string, string[]> Markers = new()
    {
        [English] = ["the", "and", "with", "for", "my", "i", "want", "need", "please", "yes", "template", "our", "your", "is", "it", "make", "add", "remove", "change", "order", "looks", "good", "without", "instead", "thanks", "hi", "hello", "send", "customers", "an", "of", "to", "can", "create", "footer", "header", "button", "buttons", "sure", "okay", "yeah", "great", "appointment", "shipped", "reminder", "sounds", "perfect", "you", "which", "what", "do", "does", "use", "are", "we", "this", "that", "about", "tell", "let", "know", "new", "off", "sale", "ship", "go", "ahead", "finalize", "please", "would", "like", "need", "help", "our", "customers", "their", "ready", "when", "how"],
        [Spanish] = ["el", "los", "las", "y", "con", "para", "una", "quiero", "necesito", "plantilla", "si", "por", "favor", "mi", "nuestro", "nuestra", "del", "tu", "su", "sin", "pie", "encabezado", "boton", "botones", "hola", "gracias", "clientes", "pedido", "cita", "en", "es", "perfecto", "vale", "claro", "listo", "ponle", "quita", "agrega", "cambia", "mejor", "envio", "enviado", "oferta", "descuento", "acuerdo", "esta", "bien", "que", "dale", "buenas", "buenos", "dias", "su", "sus", "ya", "lista", "listo", "receta", "recordar", "avisar", "hay", "todo", "nuevo", "nueva", "tienda", "finde", "porfa", "pago", "factura", "recordatorio", "turno", "usuarios", "correo"],
        [Portuguese] = ["o", "os", "as", "e", "com", "uma", "um", "quero", "preciso", "modelo", "sim", "meu", "minha", "nosso", "nossa", "do", "da", "seu", "sua", "sem", "rodape", "cabecalho", "botao", "botoes", "ola", "obrigado", "obrigada", "clientes", "pedido", "em", "nao", "pode", "ser", "perfeito", "coloca", "tira", "adiciona", "muda", "voce", "envio", "enviado", "oferta", "desconto", "esta", "otimo", "beleza", "isso", "fechado", "bom", "dia", "pra", "na", "aos", "ao", "ja", "foi", "pronta", "pronto", "receita", "retirada", "mensalidade", "assinatura", "cadastro", "loja", "agendamento", "lembrete", "vence", "frete", "gratis", "aviso", "entrega", "voces", "oi", "blz", "qro", "q", "tudo", "cardapio", "novo", "nova", "nosso"],
        [French] = ["le", "les", "et", "avec", "pour", "une", "un", "je", "veux", "besoin", "modele", "oui", "mon", "ma", "notre", "nos", "du", "des", "votre", "vos", "sans", "pied", "en-tete", "bouton", "boutons", "bonjour", "merci", "clients", "commande", "rendez-vous", "non", "parfait", "ajoute", "enleve", "supprime", "change", "mets", "plutot", "accord", "est", "c'est", "bon", "tres", "bien", "francais", "s'il", "plait", "salut", "rappel", "paiement", "facture", "livraison", "avis", "leur", "leurs", "nous", "nouveau", "nouvelle", "prevenir", "annoncer", "informer", "abonnement", "ordonnance", "soldes", "je", "voudrais", "ca", "va", "sur", "ce", "tous", "gratuite", "jveux", "ke", "comande", "analyse", "resultats", "disponibles", "expediee", "voila"],
    };

    /// <summary>en, es, pt or fr when the message shows it; null when it is too short or neutral (e.g. "no", "ok").</summary>
    public static string? DetectWriting(string text)
    {
        var folded = TextScan.Fold(text);
        var words = folded.Split([' ', ',', '.', '!', '?', ';', ':', '"', '(', ')', '¿', '¡', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var scores = ReplyLanguages.ToDictionary(l => l, _ => 0.0);
        foreach (var word in words)
        {
            foreach (var (language, markers) in Markers)
            {
                if (markers.Contains(word, StringComparer.Ordinal))
                {
                    scores[language] += 1;
                }
            }
        }

        // Letters that only one of the four uses are strong signals.
        var lower = text.ToLowerInvariant();
        scores[Spanish] += 2 * lower.Count(c => c is 'ñ' or '¿' or '¡');
        scores[Portuguese] += 2 * (lower.Count(c => c is 'ã' or 'õ') + CountOf(lower, "ção") + CountOf(lower, "ções"));
        scores[French] += 2 * lower.Count(c => c is 'è' or 'ê' or 'à' or 'ù' or 'œ' or 'î' or 'û');
        scores[French] += CountOf(lower, "ç") - CountOf(lower, "ção") - CountOf(lower, "ções") > 0 ? 1 : 0;

        var best = scores.OrderByDescending(s => s.Value).ToList();
        if (best[0].Value <= 0 || best[0].Value == best[1].Value)
        {
            return null;
        }

        return best[0].Key;
    }

    /// <summary>The Meta code used when the template language is the one the user writes in.</summary>
    public static string DefaultCode(string replyLanguage) => replyLanguage switch
    {
        Spanish => "es",
        Portuguese => "pt_BR",
        French => "fr",
        _ => "en_US",
    };

    /// <summary>en, es, pt or fr for a Meta code; English for others (replies and fixed texts are in these four).</summary>
    public static string BaseOf(string? code)
    {
        var lower = (code ?? string.Empty).ToLowerInvariant();
        return ReplyLanguages.FirstOrDefault(l => lower == l || lower.StartsWith(l + "_", StringComparison.Ordinal) || lower.StartsWith(l + "-", StringComparison.Ordinal)) ?? English;
    }

    // Most specific first: "español de México" must win over "español".
    private static readonly (string Code, string[] Phrases)[] Named =
    [
        ("en_GB", ["british english", "uk english", "english (uk)", "english uk", "ingles britanico", "ingles del reino unido", "ingles britanico", "anglais britannique"]),
        ("en_US", ["american english", "us english", "english (us)", "ingles americano", "ingles estadounidense", "anglais americain"]),
        ("es_MX", ["mexican spanish", "spanish (mexico)", "spanish from mexico", "espanol de mexico", "espanol mexicano", "espanol (mexico)", "espanhol do mexico", "espanhol mexicano", "espagnol mexicain", "espagnol du mexique"]),
        ("es_AR", ["argentinian spanish", "argentine spanish", "espanol de argentina", "espanol argentino", "espanol rioplatense"]),
        ("es_ES", ["spanish from spain", "spain spanish", "european spanish", "castilian", "espanol de espana", "castellano", "espanol peninsular", "espagnol d'espagne"]),
        ("es_CO", ["colombian spanish", "espanol de colombia", "espanol colombiano"]),
        ("pt_PT", ["european portuguese", "portuguese from portugal", "portugues de portugal", "portugues europeu", "portugues europeo", "portugais du portugal", "portugais europeen"]),
        ("pt_BR", ["brazilian portuguese", "portuguese (brazil)", "portugues do brasil", "portugues brasileiro", "portugues de brasil", "brasileiro", "brazilian", "portugais bresilien", "portugais du bresil"]),
        ("fr_CA", ["canadian french", "french (canada)", "francais canadien", "francais du canada", "quebecois", "frances canadiense", "frances de canada"]),
        ("en_US", ["in english", "english", "en ingles", "ingles", "em ingles", "en anglais", "anglais"]),
        ("es", ["in spanish", "spanish", "en espanol", "espanol", "em espanhol", "espanhol", "en espagnol", "espagnol"]),
        ("pt_BR", ["in portuguese", "portuguese", "em portugues", "portugues", "en portugues", "en portugais", "portugais"]),
        ("fr", ["in french", "french", "en francais", "francais", "em frances", "frances", "en frances"]),
    ];

    /// <summary>
    /// The template language the message names, as a Meta code, or null. A code written as such
    /// (<c>es_MX</c>, <c>pt-BR</c>) counts too.
    /// </summary>
    public static string? NamedTemplateLanguage(string folded, string original, TemplateLanguages languages)
    {
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(original, @"\b([a-z]{2})[_-]([A-Za-z]{2})\b"))
        {
            if (languages.Normalize(match.Value) is { } code && code.Contains('_', StringComparison.Ordinal))
            {
                return code;
            }
        }

        var best = Named
            .SelectMany(n => n.Phrases.Select(p => (n.Code, Index: TextScan.IndexOfPhrase(folded, p), p.Length)))
            .Where(x => x.Index >= 0)
            .ToList();
        if (best.Count == 0)
        {
            return null;
        }

        // A regional phrase covers its shorter base name ("espanol de mexico" contains "espanol"): keep the longest match
        // at a position, and among different places the last one (the user's latest wish: "in English... no, in Spanish").
        var longestAtEachPlace = best
            .GroupBy(x => x.Index)
            .Select(g => g.OrderByDescending(x => x.Length).First())
            .Where(x => !best.Any(o => o.Index < x.Index && o.Index + o.Length >= x.Index + x.Length && o.Length > x.Length))
            .OrderBy(x => x.Index)
            .ToList();
        return longestAtEachPlace[^1].Code;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
