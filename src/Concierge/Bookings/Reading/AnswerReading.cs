using System.Text.RegularExpressions;

namespace Concierge.Bookings.Reading;

/// <summary>
/// Yes/no and the intents. A yes or no counts only at the start of the message ("no, mejor a las 9")
/// or as the whole of a short one, so the "no" of "no tengo alergias" is not a refusal.
/// </summary>
internal static class AnswerReading
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private static readonly Regex Yes = new(
        @"^\W*(?:(?:please|por\s+favor)\W+)?(?:(?:(?:you\s+)?can\s+(?:you\s+)?|pode\s+|podes\s+|puede\s+|puedes\s+|pueden\s+)(?:confirm|book|confirmar|reservar|fechar|agendar)|confirma|confirmalo|confirmala|confirme|let'?s\s+(?:do\s+it|go)|works\s+for\s+me|fechado|combinado|beleza|manda\s+ver|all\s+good|yes|yeah|yep|yup|sure|ok|okay|okey|vale|claro|dale|perfecto|perfect|perfeito|correcto|correct|correto|confirmo|confirm|confirmed|confirmar|confirmado|sim|isso|exacto|exactly|exato|de\s+acuerdo|por\s+supuesto|of\s+course|go\s+ahead|please\s+do|pode\s+ser|esta\s+bien|ta\s+bien|tudo\s+bem|bora|great|genial|adelante|fine|si|book\s+it|do\s+it|hazlo|reservalo|reserva(?:la|lo)|pode\s+reservar|that\s+works|sounds\s+good|me\s+sirve|serve|otimo|excelente|excellent)(?:\W|$)",
        Options);

    private static readonly Regex No = new(
        @"^\W*(?:no|nope|nah|nao|negativo|mejor\s+no|not\s+really|de\s+ninguna\s+manera|no\s+thanks|no\s+gracias|nao\s+obrigad[oa]|wait|espera|melhor\s+nao)(?:\W|$)",
        Options);

    private static readonly Regex Cancel = new(@"\b(?:cancel\w*|cancela\w*|cancele\w*|anula\w*|anule\w*|desmarca\w*)\b", Options);

    private static readonly Regex Reschedule = new(
        @"\b(?:reschedul\w*|re-schedul\w*|reprogram\w*|remarca\w*|(?:change|move)\s+(?:my|the|our)\s+(?:booking|reservation|table)|(?:cambiar|mover|modificar)\s+(?:mi|la|nuestra)\s+reserva|(?:mudar|alterar|trocar)\s+(?:a\s+)?(?:minha|nossa)?\s*reserva|cambiar\s+(?:la\s+hora|el\s+dia)|mudar\s+(?:o\s+horario|a\s+data))\b",
        Options);

    private static readonly Regex WhatsFree = new(
        @"\b(?:what'?s\s+(?:free|available)|what\s+times?|which\s+times?|availability|available\s+times|any\s+(?:tables?|slots?|availability|room)|free\s+slots?|when\s+are\s+you\s+free|disponibilidad|que\s+horarios|que\s+horas\s+(?:hay|tienen|tenes)|horarios\s+disponibles|(?:hay|tienen|tenes)\s+(?:lugar|mesa|mesas|disponibilidad|cupo)|disponibilidade|quais\s+(?:os\s+)?horarios|horarios\s+livres|tem\s+(?:vaga|mesa|horario|lugar)|que\s+hay\s+libre)\b",
        Options);

    private static readonly Regex Book = new(@"\b(?:book\w*|reserv\w*|table|mesa|agendar|marcar)\b", Options);

    /// <summary>True for yes, false for no, null otherwise; a no wins over a yes ("no, ok" is a no).</summary>
    public static bool? Confirms(string folded)
    {
        if (No.IsMatch(folded))
        {
            return false;
        }

        if (!Yes.IsMatch(folded))
        {
            return null;
        }

        // "si" also means "if": only a short message or one where the yes stands apart counts.
        var first = folded.TrimStart().Split(' ', 2)[0];
        var words = folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return first.TrimEnd(',', '.', '!') != "si" || words <= 3 || first.EndsWith(',') || first.EndsWith('.') || first.EndsWith('!') ? true : null;
    }

    public static BookingIntent Intent(string folded) =>
        Reschedule.IsMatch(folded) ? BookingIntent.Reschedule
        : Cancel.IsMatch(folded) ? BookingIntent.Cancel
        : WhatsFree.IsMatch(folded) ? BookingIntent.WhatsFree
        : Book.IsMatch(folded) ? BookingIntent.Book
        : BookingIntent.None;
}
