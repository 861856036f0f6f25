using System.Text;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The replies of the template builder in English, Spanish, Portuguese and French. Every reply is
/// built from the decided state (the real draft, the real first missing field), so it cannot claim
/// what the state does not hold.
/// </summary>
internal static class TemplateReplies
{
    internal static string T(string lang, string en, string es, string pt, string fr) => lang switch
    {
        "es" => es,
        "pt" => pt,
        "fr" => fr,
        _ => en,
    };

    /// <summary>The three categories, each with an example drawn from the user's purpose, so the choice is concrete.</summary>
    public static string CategoryChoices(string lang, string purpose) => T(lang,
        $"I still need the category for '{purpose}'. UTILITY if it is about something the customer already has, booked or owes (for example: '{purpose}' as a reminder or update); MARKETING if it promotes something (for example: '{purpose}' with a special offer); AUTHENTICATION only if it sends a login or verification code. Which one?",
        $"Todavía necesito la categoría de '{purpose}'. UTILITY si trata de algo que el cliente ya tiene, reservó o debe (por ejemplo: '{purpose}' como recordatorio o aviso); MARKETING si promociona algo (por ejemplo: '{purpose}' con una oferta especial); AUTHENTICATION solo si envía un código de acceso o verificación. ¿Cuál es?",
        $"Ainda preciso da categoria de '{purpose}'. UTILITY se for sobre algo que o cliente já tem, agendou ou deve (por exemplo: '{purpose}' como lembrete ou aviso); MARKETING se promove algo (por exemplo: '{purpose}' com uma oferta especial); AUTHENTICATION só se envia um código de acesso ou verificação. Qual é?",
        $"Il me faut encore la catégorie de « {purpose} ». UTILITY s'il s'agit de quelque chose que le client a déjà, a réservé ou doit (par exemple : « {purpose} » comme rappel ou avis) ; MARKETING s'il fait la promotion de quelque chose (par exemple : « {purpose} » avec une offre spéciale) ; AUTHENTICATION seulement s'il envoie un code de connexion ou de vérification. Laquelle ?");

    /// <summary>The question for a missing field (purpose, category, language, wants_*...) or a broken rule.</summary>
    public static string Ask(string missing, string lang, IReadOnlyList<RuleViolation> errors, string? purpose, string? suggestion = null) => missing switch
    {
        TemplateMemoryKeys.HeaderText or TemplateMemoryKeys.FooterText or TemplateMemoryKeys.Buttons => OptionalPartReplies.AskContent(missing, lang, suggestion),
        TemplateMemoryKeys.Purpose => T(lang,
            "What is the template for? For example: an order shipped notice, an appointment reminder, a promotion or a verification code.",
            "¿Para qué es la plantilla? Por ejemplo: aviso de pedido enviado, recordatorio de cita, una promoción o un código de verificación.",
            "Para que é o modelo? Por exemplo: aviso de pedido enviado, lembrete de agendamento, uma promoção ou um código de verificação.",
            "À quoi sert le modèle ? Par exemple : avis d'expédition, rappel de rendez-vous, promotion ou code de vérification."),
        TemplateMemoryKeys.Category => T(lang,
            "Which category is it: MARKETING (promotions, offers), UTILITY (orders, appointments, payments) or AUTHENTICATION (verification codes)?",
            "¿Qué categoría es: MARKETING (promociones, ofertas), UTILITY (pedidos, citas, pagos) o AUTHENTICATION (códigos de verificación)?",
            "Qual é a categoria: MARKETING (promoções, ofertas), UTILITY (pedidos, agendamentos, pagamentos) ou AUTHENTICATION (códigos de verificação)?",
            "Quelle catégorie : MARKETING (promotions, offres), UTILITY (commandes, rendez-vous, paiements) ou AUTHENTICATION (codes de vérification) ?"),
        TemplateBuilderMissing.Language => T(lang,
            "Which language should the template be in (for example English, Spanish, Portuguese or French)?",
            "¿En qué idioma debe estar la plantilla (por ejemplo español, inglés, portugués o francés)?",
            "Em que idioma deve ser o modelo (por exemplo português, inglês, espanhol ou francês)?",
            "Dans quelle langue doit être le modèle (par exemple français, anglais, espagnol ou portugais) ?"),
        TemplateMemoryKeys.BodyText => T(lang,
            $"I have no ready-made text for '{purpose}'. What should the message say? Write the body and put {{{{1}}}}, {{{{2}}}}... where customer details go (for example 'Hello {{{{1}}}}, ...').",
            $"No tengo un texto listo para '{purpose}'. ¿Qué debe decir el mensaje? Escribe el cuerpo y pon {{{{1}}}}, {{{{2}}}}... donde van los datos del cliente (por ejemplo 'Hola {{{{1}}}}, ...').",
            $"Não tenho um texto pronto para '{purpose}'. O que a mensagem deve dizer? Escreva o corpo e coloque {{{{1}}}}, {{{{2}}}}... onde entram os dados do cliente (por exemplo 'Olá {{{{1}}}}, ...').",
            $"Je n'ai pas de texte prêt pour « {purpose} ». Que doit dire le message ? Écrivez le corps et mettez {{{{1}}}}, {{{{2}}}}... à la place des données du client (par exemple « Bonjour {{{{1}}}}, ... »)."),
        TemplateMemoryKeys.WantsHeader => T(lang,
            "Would you like a header (a short title above the message)? Tell me its text, or say no.",
            "¿Quieres un encabezado (un título corto sobre el mensaje)? Dime el texto o responde no.",
            "Quer um cabeçalho (um título curto acima da mensagem)? Diga o texto ou responda não.",
            "Voulez-vous un en-tête (un titre court au-dessus du message) ? Donnez-moi son texte, ou répondez non."),
        TemplateMemoryKeys.WantsFooter => T(lang,
            "Would you like a footer (a short line under the message, such as 'Reply STOP to opt out')? Tell me its text, or say no.",
            "¿Quieres un pie de página (una línea corta bajo el mensaje, como 'Responde STOP para darte de baja')? Dime el texto o responde no.",
            "Quer um rodapé (uma linha curta abaixo da mensagem, como 'Responda SAIR para não receber mais')? Diga o texto ou responda não.",
            "Voulez-vous un pied de page (une ligne courte sous le message, comme « Répondez STOP pour vous désabonner ») ? Donnez-moi son texte, ou répondez non."),
        TemplateMemoryKeys.WantsButtons => T(lang,
            "Would you like buttons? For example quick replies ('Yes', 'No'), a link button (give the https:// address) or a call button (give the number with + and the country code). Or say no.",
            "¿Quieres botones? Por ejemplo respuestas rápidas ('Sí', 'No'), un botón con enlace (dame la dirección https://) o un botón de llamada (dame el número con + y el código de país). O responde no.",
            "Quer botões? Por exemplo respostas rápidas ('Sim', 'Não'), um botão com link (informe o endereço https://) ou um botão de ligação (informe o número com + e o código do país). Ou responda não.",
            "Voulez-vous des boutons ? Par exemple des réponses rapides (« Oui », « Non »), un bouton lien (donnez l'adresse https://) ou un bouton d'appel (donnez le numéro avec + et l'indicatif du pays). Ou répondez non."),
        TemplateBuilderMissing.ButtonUrl => T(lang,
            "Which web address should the link button open? It must start with https://.",
            "¿Qué dirección web debe abrir el botón? Debe empezar por https://.",
            "Qual endereço o botão de link deve abrir? Ele deve começar com https://.",
            "Quelle adresse web le bouton doit-il ouvrir ? Elle doit commencer par https://."),
        TemplateBuilderMissing.ButtonPhone => T(lang,
            "Which number should the call button dial? Please give it with + and the country code, for example +14155550123.",
            "¿A qué número debe llamar el botón? Escríbelo con + y el código de país, por ejemplo +5215512345678.",
            "Para qual número o botão deve ligar? Informe com + e o código do país, por exemplo +5511987654321.",
            "Quel numéro le bouton doit-il appeler ? Donnez-le avec + et l'indicatif du pays, par exemple +33612345678."),
        _ => RuleQuestion(missing, lang, errors),
    };

    /// <summary>A precise question about a rule the draft still breaks after the automatic fixes.</summary>
    private static string RuleQuestion(string code, string lang, IReadOnlyList<RuleViolation> errors)
    {
        var violation = errors.FirstOrDefault(e => e.Code == code);
        var detail = violation?.Message ?? code;
        var (problem, question) = code switch
        {
            TemplateRules.HeaderText => (
                T(lang, detail, "El encabezado admite como máximo 60 caracteres, sin emojis, sin saltos de línea y sin *, _, ~ ni `.", "O cabeçalho aceita no máximo 60 caracteres, sem emojis, quebras de linha ou *, _, ~, `.", "L'en-tête accepte 60 caractères au plus, sans emoji, retour à la ligne ni *, _, ~, `."),
                T(lang, "What should the header say instead (or say 'no header')?", "¿Qué debe decir el encabezado (o responde 'sin encabezado')?", "O que o cabeçalho deve dizer (ou responda 'sem cabeçalho')?", "Que doit dire l'en-tête (ou répondez « sans en-tête ») ?")),
            TemplateRules.FooterText => (
                T(lang, detail, "El pie de página admite como máximo 60 caracteres y ninguna variable.", "O rodapé aceita no máximo 60 caracteres e nenhuma variável.", "Le pied de page accepte 60 caractères au plus et aucune variable."),
                T(lang, "What should the footer say instead (or say 'no footer')?", "¿Qué debe decir el pie de página (o responde 'sin pie')?", "O que o rodapé deve dizer (ou responda 'sem rodapé')?", "Que doit dire le pied de page (ou répondez « sans pied de page ») ?")),
            TemplateRules.ButtonsPhone => (
                T(lang, detail, "El número de teléfono debe estar en formato internacional: + y el código de país.", "O número de telefone deve estar no formato internacional: + e o código do país.", "Le numéro doit être au format international : + et l'indicatif du pays."),
                T(lang, "What is the full number, for example +14155550123?", "¿Cuál es el número completo, por ejemplo +5215512345678?", "Qual é o número completo, por exemplo +5511987654321?", "Quel est le numéro complet, par exemple +33612345678 ?")),
            TemplateRules.ButtonsUrl => (
                T(lang, detail, "El enlace del botón debe ser una dirección completa que empiece por https://.", "O link do botão deve ser um endereço completo começando com https://.", "Le lien du bouton doit être une adresse complète commençant par https://."),
                T(lang, "Which address should the button open?", "¿Qué dirección debe abrir el botón?", "Qual endereço o botão deve abrir?", "Quelle adresse le bouton doit-il ouvrir ?")),
            TemplateRules.ButtonsText or TemplateRules.ButtonsCount or TemplateRules.ButtonsQuickReply => (
                T(lang, detail, "Los botones llevan entre 1 y 25 caracteres, sin variables, como máximo 10.", "Os botões têm de 1 a 25 caracteres, sem variáveis, no máximo 10.", "Les boutons ont 1 à 25 caractères, sans variable, 10 au plus."),
                T(lang, "Which buttons should the template have (or say 'no buttons')?", "¿Qué botones debe tener la plantilla (o responde 'sin botones')?", "Quais botões o modelo deve ter (ou responda 'sem botões')?", "Quels boutons le modèle doit-il avoir (ou répondez « sans boutons ») ?")),
            TemplateRules.BodyLength or TemplateRules.BodyRequired => (
                T(lang, detail, "El cuerpo debe tener texto y como máximo 1024 caracteres.", "O corpo deve ter texto e no máximo 1024 caracteres.", "Le corps doit avoir du texte et 1024 caractères au plus."),
                T(lang, "Could you send the message body again, shorter?", "¿Me envías de nuevo el cuerpo del mensaje, más corto?", "Pode enviar de novo o corpo da mensagem, mais curto?", "Pouvez-vous me renvoyer le corps du message, plus court ?")),
            _ when code.StartsWith("params.", StringComparison.Ordinal) => (
                T(lang, detail, "Hay un problema con las variables del cuerpo: se escriben {{1}}, {{2}}... en orden, nunca juntas, con al menos 3 palabras de texto por variable, y el texto no empieza ni termina con una.", "Há um problema com as variáveis do corpo: escreva {{1}}, {{2}}... em ordem, nunca juntas, com pelo menos 3 palavras por variável, e o texto não começa nem termina com uma.", "Il y a un problème avec les variables du corps : écrivez {{1}}, {{2}}... dans l'ordre, jamais collées, avec au moins 3 mots par variable, et le texte ne commence ni ne finit par une variable."),
                T(lang, "Could you send the corrected body text?", "¿Me envías el texto corregido del cuerpo?", "Pode enviar o texto corrigido do corpo?", "Pouvez-vous m'envoyer le texte corrigé du corps ?")),
            _ => (
                T(lang, detail, $"Meta rechazaría la plantilla: {detail}", $"A Meta recusaria o modelo: {detail}", $"Meta refuserait le modèle : {detail}"),
                T(lang, "How should I change it?", "¿Cómo lo cambio?", "Como devo mudar?", "Comment dois-je le modifier ?")),
        };
        return $"{problem} {question}";
    }

    public static string DraftIntro(string lang, TemplateDraft draft) => T(lang,
        $"Here is your template draft '{draft.Name}' ({draft.Category}, {draft.Language}):",
        $"Este es el borrador de tu plantilla '{draft.Name}' ({draft.Category}, {draft.Language}):",
        $"Este é o rascunho do seu modelo '{draft.Name}' ({draft.Category}, {draft.Language}):",
        $"Voici le brouillon de votre modèle « {draft.Name} » ({draft.Category}, {draft.Language}) :");

    public static string DraftOutro(string lang) => T(lang,
        "Would you like to change anything, or shall I finalize it?",
        "¿Quieres cambiar algo o lo dejo como final?",
        "Quer mudar alguma coisa ou posso finalizar?",
        "Voulez-vous modifier quelque chose, ou je le finalise ?");

    public static string CannotFinalize(string lang) => OptionalPartReplies.CannotFinalize(lang);

    public static string OptionalOffer(string lang, TemplateMemory memory) => OptionalPartReplies.Offer(lang, memory);

    public static string DraftSoFar(string lang) => T(lang, "The draft so far:", "El borrador hasta ahora:", "O rascunho até agora:", "Le brouillon pour l'instant :");

    public static string FinalIntro(string lang, TemplateDraft draft) => T(lang,
        $"Your template '{draft.Name}' is final ({draft.Category}, {draft.Language}). The creation request for Meta is ready:",
        $"Tu plantilla '{draft.Name}' está lista ({draft.Category}, {draft.Language}). La solicitud de creación para Meta está preparada:",
        $"Seu modelo '{draft.Name}' está pronto ({draft.Category}, {draft.Language}). A solicitação de criação para a Meta está pronta:",
        $"Votre modèle « {draft.Name} » est finalisé ({draft.Category}, {draft.Language}). La demande de création pour Meta est prête :");

    public static string FinalOutro(string lang) => T(lang,
        "You can still ask me to change anything.",
        "Todavía puedes pedirme cualquier cambio.",
        "Você ainda pode me pedir qualquer mudança.",
        "Vous pouvez encore me demander des modifications.");

    public static string FinalKept(string lang, TemplateDraft draft) => T(lang,
        $"Your template '{draft.Name}' is already final. Tell me what to change, or ask for a new template.",
        $"Tu plantilla '{draft.Name}' ya está lista. Dime qué cambiar o pide una plantilla nueva.",
        $"Seu modelo '{draft.Name}' já está pronto. Diga o que mudar ou peça um novo modelo.",
        $"Votre modèle « {draft.Name} » est déjà finalisé. Dites-moi quoi modifier, ou demandez un nouveau modèle.");

    public static string NotUnderstood(string lang) => T(lang,
        "I could not tell what to change. You can change the header, footer, buttons, variables or language, or say 'yes' to finalize.",
        "No entendí qué cambiar. Puedes cambiar el encabezado, el pie, los botones, las variables o el idioma, o decir 'sí' para terminar.",
        "Não entendi o que mudar. Você pode mudar o cabeçalho, o rodapé, os botões, as variáveis ou o idioma, ou dizer 'sim' para finalizar.",
        "Je n'ai pas compris quoi modifier. Vous pouvez changer l'en-tête, le pied de page, les boutons, les variables ou la langue, ou dire « oui » pour finaliser.");

    public static string WhatToChange(string lang, TemplateDraft draft) => T(lang,
        $"What would you like to change in '{draft.Name}'? You can change the header, footer, buttons, variables or language.",
        $"¿Qué quieres cambiar en '{draft.Name}'? Puedes cambiar el encabezado, el pie, los botones, las variables o el idioma.",
        $"O que você quer mudar em '{draft.Name}'? Você pode mudar o cabeçalho, o rodapé, os botões, as variáveis ou o idioma.",
        $"Que voulez-vous modifier dans « {draft.Name} » ? Vous pouvez changer l'en-tête, le pied de page, les boutons, les variables ou la langue.");

    public static string AuthFixedForm(string lang) => T(lang,
        "Authentication templates use Meta's fixed form: the text '<code> is your verification code.' with a security note, the expiry time and a copy-code button, so I could not use your own text or buttons.",
        "Las plantillas de autenticación usan el formato fijo de Meta: el texto '<código> es tu código de verificación.' con una nota de seguridad, el tiempo de expiración y un botón para copiar el código, así que no puedo usar tu propio texto ni botones.",
        "Os modelos de autenticação usam o formato fixo da Meta: o texto '<código> é seu código de verificação.' com um aviso de segurança, o tempo de expiração e um botão para copiar o código, então não posso usar seu próprio texto ou botões.",
        "Les modèles d'authentification suivent le format fixe de Meta : le texte « <code> est votre code de vérification. » avec une note de sécurité, la durée de validité et un bouton pour copier le code ; je ne peux donc pas utiliser votre texte ni vos boutons.");

    public static string ExpiryClamped(string lang, int asked, int set) => T(lang,
        $"Meta allows a code expiry of 1 to 90 minutes, so I set {set} instead of {asked}.",
        $"Meta permite una expiración de 1 a 90 minutos, así que puse {set} en lugar de {asked}.",
        $"A Meta permite expiração de 1 a 90 minutos, então coloquei {set} em vez de {asked}.",
        $"Meta autorise une expiration de 1 à 90 minutes, j'ai donc mis {set} au lieu de {asked}.");

    public static string AddedScheme(string lang, string domain) => T(lang,
        $"I added https:// to '{domain}': WhatsApp buttons need a full web address.",
        $"Agregué https:// a '{domain}': los botones de WhatsApp necesitan una dirección completa.",
        $"Adicionei https:// a '{domain}': os botões do WhatsApp precisam de um endereço completo.",
        $"J'ai ajouté https:// à « {domain} » : les boutons WhatsApp demandent une adresse complète.");

    public static string OptOutAdvice(string lang) => T(lang,
        "Tip: marketing messages do better with an opt-out, such as a footer 'Reply STOP to opt out' or a 'Stop promotions' button.",
        "Sugerencia: a los mensajes de marketing les conviene una opción de baja, como el pie 'Responde STOP para darte de baja' o un botón 'Darme de baja'.",
        "Dica: mensagens de marketing funcionam melhor com uma opção de saída, como o rodapé 'Responda SAIR para não receber mais' ou um botão 'Parar promoções'.",
        "Conseil : un message marketing gagne à proposer un désabonnement, comme le pied de page « Répondez STOP pour vous désabonner » ou un bouton « Stop promotions ».");

    /// <summary>An automatic fix in the reply's language (the fix's own sentence is English).</summary>
    public static string Fix(string lang, AppliedFix fix)
    {
        if (lang == "en")
        {
            return fix.Message;
        }

        var ending = fix.Code == TemplateRules.ParamsEdges && fix.Message.Contains("ended", StringComparison.Ordinal);
        return fix.Code switch
        {
            TemplateRules.ParamsEdges when ending => T(lang, fix.Message,
                "Agregué una frase de cierre porque WhatsApp no permite que el mensaje termine con una variable.",
                "Adicionei uma frase de encerramento porque o WhatsApp não permite que a mensagem termine com uma variável.",
                "J'ai ajouté une phrase de conclusion car WhatsApp n'accepte pas un message qui finit par une variable."),
            TemplateRules.ParamsEdges => T(lang, fix.Message,
                "Agregué un saludo al inicio porque WhatsApp no permite que el mensaje empiece con una variable.",
                "Adicionei uma saudação no início porque o WhatsApp não permite que a mensagem comece com uma variável.",
                "J'ai ajouté une salutation au début car WhatsApp n'accepte pas un message qui commence par une variable."),
            TemplateRules.ButtonsText => T(lang, fix.Message,
                "Acorté una etiqueta de botón: WhatsApp admite como máximo 25 caracteres.",
                "Encurtei o texto de um botão: o WhatsApp aceita no máximo 25 caracteres.",
                "J'ai raccourci le libellé d'un bouton : WhatsApp accepte 25 caractères au plus."),
            TemplateRules.NameFormat => T(lang, fix.Message,
                "Ajusté el nombre de la plantilla: solo admite minúsculas, números y guiones bajos.",
                "Ajustei o nome do modelo: ele aceita apenas minúsculas, números e sublinhados.",
                "J'ai ajusté le nom du modèle : seuls les minuscules, chiffres et tirets bas sont acceptés."),
            TemplateRules.ParamsSequence => T(lang, fix.Message,
                "Renumeré las variables en orden de aparición ({{1}}, {{2}}...).",
                "Renumerei as variáveis na ordem em que aparecem ({{1}}, {{2}}...).",
                "J'ai renuméroté les variables dans l'ordre d'apparition ({{1}}, {{2}}...)."),
            _ => T(lang, fix.Message, $"Corrección automática: {fix.Message}", $"Correção automática: {fix.Message}", $"Correction automatique : {fix.Message}"),
        };
    }

    /// <summary>The draft as the user reads it: header / body / footer / buttons, then the example values.</summary>
    public static string Render(TemplateDraft draft, string lang)
    {
        var text = new StringBuilder();
        string Label(string en, string es, string pt, string fr) => T(lang, en, es, pt, fr);
        if (draft.IsAuthentication)
        {
            text.AppendLine($"{Label("Body", "Cuerpo", "Corpo", "Corps")}: {Label("Meta's fixed text, '<code> is your verification code.'", "texto fijo de Meta, '<código> es tu código de verificación.'", "texto fixo da Meta, '<código> é seu código de verificação.'", "texte fixe de Meta, « <code> est votre code de vérification. »")}"
                + (draft.Body?.AddSecurityRecommendation == true ? Label(", with the security note", ", con la nota de seguridad", ", com o aviso de segurança", ", avec la note de sécurité") : string.Empty));
            if (draft.Footer?.CodeExpirationMinutes is { } minutes)
            {
                text.AppendLine($"{Label("Footer", "Pie", "Rodapé", "Pied de page")}: {Label($"the code expires in {minutes} minutes", $"el código expira en {minutes} minutos", $"o código expira em {minutes} minutos", $"le code expire dans {minutes} minutes")}");
            }

            var otp = draft.Buttons?.Buttons.OfType<OtpButton>().FirstOrDefault();
            if (otp is not null)
            {
                text.AppendLine($"{Label("Button", "Botón", "Botão", "Bouton")}: [{otp.Text ?? otp.OtpType}] ({otp.OtpType})");
            }

            return text.ToString().TrimEnd();
        }

        if (draft.Header is { } header)
        {
            text.AppendLine($"{Label("Header", "Encabezado", "Cabeçalho", "En-tête")}: {header.Text ?? header.Format}");
        }

        text.AppendLine($"{Label("Body", "Cuerpo", "Corpo", "Corps")}: {draft.Body?.Text}");
        if (draft.Footer is { } footer)
        {
            text.AppendLine($"{Label("Footer", "Pie de página", "Rodapé", "Pied de page")}: {footer.Text}");
        }

        if (draft.Buttons is { } buttons && buttons.Buttons.Count > 0)
        {
            var rendered = buttons.Buttons.Select(b => b switch
            {
                UrlButton url => $"[{url.Text} → {url.Url}]",
                PhoneNumberButton phone => $"[{phone.Text} → {phone.PhoneNumber}]",
                _ => $"[{b.Label}]",
            });
            text.AppendLine($"{Label("Buttons", "Botones", "Botões", "Boutons")}: {string.Join(" ", rendered)}");
        }

        var examples = draft.Body?.Examples ?? [];
        if (examples.Count > 0)
        {
            text.AppendLine($"{Label("Examples", "Ejemplos", "Exemplos", "Exemples")}: {string.Join(", ", examples.Select((e, i) => $"{{{{{i + 1}}}}} = {e}"))}");
        }

        return text.ToString().TrimEnd();
    }
}

/// <summary>Missing-field names beyond the memory keys.</summary>
public static class TemplateBuilderMissing
{
    /// <summary>The template language (memory's <c>language_pref</c>).</summary>
    public const string Language = "language";

    /// <summary>A link button was asked for without its address.</summary>
    public const string ButtonUrl = "button_url";

    /// <summary>A call button was asked for without its number.</summary>
    public const string ButtonPhone = "button_phone";

    /// <summary>The purpose is not one the offline composer can write, so the user writes the body.</summary>
    public const string BodyText = TemplateMemoryKeys.BodyText;
}
