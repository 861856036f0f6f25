namespace Concierge.Skills.Templates.Builder;

/// <summary>The offline reader's word lists (folded: lower case, no accents), in English, Spanish, Portuguese and French.</summary>
internal static class ReaderLexicon
{
    public const string Header = "header";
    public const string Footer = "footer";
    public const string Buttons = "buttons";
    public const string Body = "body";

    /// <summary>Component words, longest first so "pie de pagina" is read before "pie".</summary>
    public static IReadOnlyList<(string Phrase, string Component)> ComponentWords { get; } =
    [
        ("pie de pagina", Footer), ("pied de page", Footer), ("nota al pie", Footer), ("quick replies", Buttons), ("quick reply", Buttons),
        ("respuestas rapidas", Buttons), ("respuesta rapida", Buttons), ("respostas rapidas", Buttons), ("resposta rapida", Buttons),
        ("reponses rapides", Buttons), ("reponse rapide", Buttons), ("call to action", Buttons),
        ("header", Header), ("headers", Header), ("heading", Header), ("title", Header), ("encabezado", Header), ("cabecera", Header),
        ("titulo", Header), ("cabecalho", Header), ("en-tete", Header), ("entete", Header), ("titre", Header),
        ("footer", Footer), ("footers", Footer), ("pie", Footer), ("rodape", Footer), ("pied", Footer),
        ("button", Buttons), ("buttons", Buttons), ("boton", Buttons), ("botones", Buttons), ("botao", Buttons), ("botoes", Buttons),
        ("bouton", Buttons), ("boutons", Buttons), ("cta", Buttons),
        ("body", Body), ("text", Body), ("message", Body), ("cuerpo", Body), ("texto", Body), ("mensaje", Body), ("corpo", Body),
        ("mensagem", Body), ("corps", Body), ("texte", Body), ("saying", Body), ("que diga", Body), ("que dice", Body), ("dizendo", Body), ("disant", Body),
    ];

    /// <summary>Words that start a "no ..." scope: "no header or footer", "sin encabezado ni pie", "remove the button".</summary>
    public static IReadOnlySet<string> Negations { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "no", "without", "sin", "sem", "sans", "not", "none", "nenhum", "nenhuma", "ningun", "ninguna", "aucun", "aucune", "pas",
        "remove", "delete", "drop", "quita", "quitar", "quitale", "elimina", "eliminar", "borra", "borrar", "saca", "sacale",
        "remova", "remover", "tira", "tirar", "retire", "retirer", "supprime", "supprimer", "enleve", "enlever", "nao", "dont", "don", "doesn", "didn",
    };

    /// <summary>Words that end a "no ..." scope and make the next components wanted.</summary>
    public static IReadOnlySet<string> Positives { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "with", "add", "include", "including", "con", "agrega", "agregar", "agregale", "anade", "anadir", "pon", "ponle", "incluye", "incluir",
        "com", "adiciona", "adicionar", "adicione", "coloca", "colocar", "coloque", "inclua", "avec", "ajoute", "ajouter", "ajoutez", "mets", "mettre",
        "inclure", "just", "only", "solo", "solamente", "apenas", "seulement", "uniquement", "but", "pero", "mas", "mais", "want", "quiero", "quero",
        "veux", "yes", "si", "sim", "oui", "keep", "make", "change", "cambia", "muda", "set", "plus", "also", "tambien", "tambem", "aussi",
    };

    public static IReadOnlyList<string> Yes { get; } =
    [
        "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "looks good", "look good", "sounds good", "perfect", "great", "go ahead", "confirm", "confirmed",
        "approved", "approve", "do it", "finalize", "finalise", "that's fine", "thats fine", "all good", "good", "fine", "correct", "exactly", "love it", "lgtm",
        "si", "claro", "vale", "perfecto", "listo", "de acuerdo", "esta bien", "me gusta", "confirmo", "dale", "adelante", "excelente", "correcto", "genial", "bien",
        "sim", "pode ser", "perfeito", "otimo", "beleza", "confirmo", "esta otimo", "tudo certo", "pode finalizar", "fechado", "isso", "certo", "show", "combinado",
        "dale", "si, asi", "ya", "yah", "yea", "ta bien", "okey", "oki", "va", "agora sim", "ahora si", "blz", "bora", "curti", "voila", "nice", "cool", "k", "kk", "wonderful", "lovely", "awesome", "ca marche", "vas y", "pode mandar", "ca me va", "ship it", "oui", "d accord", "d'accord", "parfait", "ca marche", "c'est bon", "c est bon", "tres bien", "valide", "je valide", "vas-y", "allez-y", "super", "ok pour moi",
    ];

    /// <summary>Whole messages that accept, in the words of a region ("sale" in Mexico, "de una" in Colombia, "bora" in Brazil).</summary>
    public static IReadOnlyList<string> BareYes { get; } =
    [
        "sale", "sale pues", "sale y vale", "de una", "dale", "dale nomas", "va", "bora", "bora la", "bora entao", "vas-y", "vas y", "go", "yalla",
    ];

    /// <summary>Acceptance anywhere in a message ("great, go ahead and finalize", "dale, así está bien", "pode mandar assim").</summary>
    public static IReadOnlyList<string> Finalize { get; } =
    [
        "finalize", "finalise", "finalize it", "ship it", "send it", "submit it", "submit", "go ahead", "go for it", "looks good", "look good", "looks great", "looks perfect", "lgtm",
        "that's it", "thats it", "that works", "works for me", "good to go", "all good", "perfect", "we're good", "im happy", "i'm happy", "happy with it", "approve", "approved",
        "finaliza", "finalizala", "finalizalo", "finalizar", "asi esta bien", "asi esta perfecto", "asi esta", "dejala asi", "dejalo asi", "mandala", "mandalo", "envialo", "enviala", "me sirve", "me gusta", "perfecto", "de una",
        "pode mandar", "pode enviar", "manda assim", "pode finalizar", "finalizar", "pode fechar", "assim esta bom", "assim esta otimo", "assim mesmo", "ta bom", "ta otimo", "esta bom", "perfeito", "gostei", "aprovado",
        "ca me va", "ca me convient", "c'est parfait", "c est parfait", "on valide", "je valide", "valide", "finalise-le", "finalise", "envoie", "envoyez", "c'est bon", "c est bon", "nickel", "parfait",
    ];

    public static IReadOnlyList<string> No { get; } =
    [
        "no", "nope", "nah", "not yet", "no thanks", "non", "nao", "todavia no", "aun no", "ainda nao", "pas encore", "non merci", "no gracias", "nao obrigado",
    ];

    public static IReadOnlyList<string> NewTemplate { get; } =
    [
        "another template", "new template", "other template", "a second template", "start over", "otra plantilla", "nueva plantilla", "empezar de nuevo",
        "outro modelo", "novo modelo", "outra template", "comecar de novo", "nouveau modele", "autre modele", "recommencer",
    ];

    public static IReadOnlyList<string> TemplateWords { get; } = ["template", "plantilla", "modelo", "modele", "plantillas", "templates"];

    public static IReadOnlyList<(string Phrase, string Category)> CategoryWords { get; } =
    [
        ("marketing", TemplateCategory.Marketing), ("mercadeo", TemplateCategory.Marketing), ("promotional", TemplateCategory.Marketing),
        ("utility", TemplateCategory.Utility), ("utilidad", TemplateCategory.Utility), ("utilidade", TemplateCategory.Utility), ("utilitaire", TemplateCategory.Utility),
        ("transactional", TemplateCategory.Utility), ("transaccional", TemplateCategory.Utility), ("transacional", TemplateCategory.Utility), ("transactionnel", TemplateCategory.Utility),
        ("authentication", TemplateCategory.Authentication), ("autenticacion", TemplateCategory.Authentication), ("autenticacao", TemplateCategory.Authentication),
        ("authentification", TemplateCategory.Authentication), ("otp", TemplateCategory.Authentication),
    ];

    /// <summary>Words that ask for a link button without giving the link yet.</summary>
    public static IReadOnlyList<string> UrlButtonWords { get; } =
    [
        "tracking button", "track button", "link button", "url button", "website button", "web button", "button to track", "button with the link", "button with a link",
        "boton de seguimiento", "boton de rastreo", "boton con enlace", "boton de enlace", "boton con el enlace", "boton para seguir", "boton con link", "boton de link",
        "botao de rastreio", "botao de rastreamento", "botao com link", "botao de link", "botao para rastrear", "botao com o link",
        "bouton de suivi", "bouton avec lien", "bouton avec le lien", "bouton lien", "bouton pour suivre",
    ];

    /// <summary>Words that ask for a call button without giving the number yet.</summary>
    public static IReadOnlyList<string> PhoneButtonWords { get; } =
    [
        "call button", "phone button", "button to call", "call us button", "boton de llamada", "boton para llamar", "boton de llamar", "boton de telefono",
        "botao de ligar", "botao de ligacao", "botao para ligar", "botao de telefone", "bouton d'appel", "bouton d appel", "bouton pour appeler", "bouton appeler",
    ];

    /// <summary>Verbs that remove something (as opposed to a plain "no", which only declines).</summary>
    public static IReadOnlyList<string> RemoveWords { get; } =
    [
        "remove", "delete", "drop", "quita", "quitar", "quitale", "elimina", "eliminar", "borra", "borrar", "saca", "sacale", "remova", "remover",
        "tira", "tirar", "retire", "retirer", "supprime", "supprimer", "enleve", "enlever",
    ];

    /// <summary>Words that open a question about something rather than a request for it.</summary>
    public static IReadOnlyList<string> QuestionWords { get; } =
    [
        "what", "how", "why", "which", "que", "como", "por que", "cual", "o que", "qual", "comment", "pourquoi", "quel", "quelle", "qu'est-ce", "qu est-ce",
    ];

    /// <summary>Words for "add" when they appear with variables: the described ones join those already there.</summary>
    public static IReadOnlyList<string> AddWords { get; } = ["add", "also", "agrega", "anade", "tambien", "adiciona", "tambem", "ajoute", "aussi", "plus"];

    /// <summary>Words that mark a sentence about the code's expiry.</summary>
    public static IReadOnlyList<string> ExpiryWords { get; } =
    [
        "expire", "expires", "expiry", "expiration", "valid", "validity", "expira", "caduca", "vence", "valido", "validez", "validade", "expire", "valable", "validite",
    ];
}
