using M = Concierge.Skills.Templates.Builder.TemplateMemoryKeys;

namespace Concierge.Skills.Templates.Builder;

/// <summary>
/// The replies about optional parts (issue 18): one offer with the draft instead of a question per
/// part, a question for the words of a part the user asked for (with a suggestion used only if they
/// say yes to it), and what blocks FINAL when the user accepts a draft that still breaks a rule.
/// </summary>
internal static class OptionalPartReplies
{
    private static string T(string lang, string en, string es, string pt, string fr) => TemplateReplies.T(lang, en, es, pt, fr);

    /// <summary>"I can add a header, a footer or buttons — or shall I finalize?", naming only the parts not settled.</summary>
    public static string Offer(string lang, TemplateMemory memory)
    {
        var parts = new List<string>();
        if (memory.WantsHeader is null)
        {
            parts.Add(T(lang, "a header", "un encabezado", "um cabeçalho", "un en-tête"));
        }

        if (memory.WantsFooter is null)
        {
            parts.Add(T(lang, "a footer", "un pie de página", "um rodapé", "un pied de page"));
        }

        if (memory.WantsButtons is null)
        {
            parts.Add(T(lang, "buttons", "botones", "botões", "des boutons"));
        }

        var or = T(lang, " or ", " o ", " ou ", " ou ");
        var list = parts.Count <= 1 ? string.Join(string.Empty, parts) : string.Join(", ", parts[..^1]) + or + parts[^1];
        return T(lang,
            $"I can add {list} — or shall I finalize it?",
            $"Puedo agregar {list}, ¿o lo dejo como final?",
            $"Posso adicionar {list} — ou posso finalizar?",
            $"Je peux ajouter {list} — ou je le finalise ?");
    }

    public static string AskContent(string missing, string lang, string? suggestion)
    {
        var offer = suggestion is null ? string.Empty : T(lang,
            $" For example '{suggestion}' (say yes to use it).",
            $" Por ejemplo '{suggestion}' (responde sí para usarlo).",
            $" Por exemplo '{suggestion}' (responda sim para usar).",
            $" Par exemple « {suggestion} » (répondez oui pour l'utiliser).");
        return missing switch
        {
            M.HeaderText => T(lang, "What should the header say? Or say 'no header'.", "¿Qué debe decir el encabezado? O responde 'sin encabezado'.", "O que o cabeçalho deve dizer? Ou responda 'sem cabeçalho'.", "Que doit dire l'en-tête ? Ou répondez « sans en-tête ».") + offer,
            M.FooterText => T(lang, "What should the footer say? Or say 'no footer'.", "¿Qué debe decir el pie de página? O responde 'sin pie'.", "O que o rodapé deve dizer? Ou responda 'sem rodapé'.", "Que doit dire le pied de page ? Ou répondez « sans pied de page ».") + offer,
            _ => T(lang,
                "Which buttons should it have? Give their labels (quick replies), a link (https://...) or a phone number (+ and country code), or say 'no buttons'.",
                "¿Qué botones debe tener? Dime sus textos (respuestas rápidas), un enlace (https://...) o un teléfono (+ y código de país), o responde 'sin botones'.",
                "Quais botões ele deve ter? Diga os textos (respostas rápidas), um link (https://...) ou um telefone (+ e código do país), ou responda 'sem botões'.",
                "Quels boutons doit-il avoir ? Donnez leurs libellés (réponses rapides), un lien (https://...) ou un numéro (+ et indicatif), ou répondez « sans boutons ».") + offer,
        };
    }

    public static string CannotFinalize(string lang) => T(lang,
        "I cannot finalize it yet: Meta would reject it as it stands.",
        "Todavía no puedo dejarla como final: Meta la rechazaría tal como está.",
        "Ainda não posso finalizar: a Meta recusaria o modelo como está.",
        "Je ne peux pas encore le finaliser : Meta le refuserait en l'état.");
}
