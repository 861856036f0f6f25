using Concierge.Bookings.Reading;

namespace Concierge.Bookings.Conversation;

/// <summary>The phrase books of es, en and pt.</summary>
internal static class ReplyLanguages
{
    public static ReplyPhrases For(string? language) => language switch
    {
        "es" => Spanish,
        "pt" => Portuguese,
        _ => English,
    };

    private static string Key(BookingField field, PartOfDay? part = null) => part is null ? field.ToString() : $"{field}:{part}";

    private static readonly ReplyPhrases Spanish = new(
        "es-ES", "dddd d 'de' MMMM", "HH:mm", n => n == 1 ? "1 persona" : $"{n} personas",
        new Dictionary<string, string>
        {
            [Key(BookingField.Service)] = "¿Qué te gustaría reservar?",
            [Key(BookingField.Date)] = "¿Para qué día?",
            [Key(BookingField.Time)] = "¿A qué hora?",
            [Key(BookingField.Time, PartOfDay.Morning)] = "¿A qué hora de la mañana?",
            [Key(BookingField.Time, PartOfDay.Afternoon)] = "¿A qué hora de la tarde?",
            [Key(BookingField.Time, PartOfDay.Evening)] = "¿A qué hora de la noche?",
            [Key(BookingField.Time, PartOfDay.Night)] = "¿A qué hora de la madrugada?",
            [Key(BookingField.PartySize)] = "¿Para cuántas personas?",
            [Key(BookingField.Name)] = "¿A nombre de quién hago la reserva?",
            [Key(BookingField.Contact)] = "¿Me dejas un teléfono o correo de contacto?",
        },
        new Dictionary<string, string>
        {
            [BookingErrorCodes.ImpossibleDate] = "Esa fecha no existe.",
            [BookingErrorCodes.InPast] = "Esa hora ya pasó.",
            [BookingErrorCodes.BeforeLeadTime] = "Para esa hora ya no alcanzamos a reservar con la anticipación necesaria.",
            [BookingErrorCodes.TooFarAhead] = "Todavía no abrimos reservas para esa fecha.",
            [BookingErrorCodes.Closed] = "Ese día estamos cerrados.",
            [BookingErrorCodes.OutsideHours] = "A esa hora no hay reservas.",
            [BookingErrorCodes.NonexistentLocalTime] = "Esa hora no existe ese día por el cambio de horario.",
            [BookingErrorCodes.TooLarge] = "Recibimos grupos de hasta {0} personas.",
            [BookingErrorCodes.TooSmall] = "Las reservas son desde {0} personas.",
            [BookingErrorCodes.PartyFixed] = "Cada reserva aquí es para {0}.",
            [BookingErrorCodes.InvalidPhone] = "Ese número no parece un teléfono válido.",
        },
        "Horarios libres: {0}.", "No encuentro horarios libres cerca de esa fecha.",
        "{0} está completo.", "¿Confirmo la reserva de {0}?", "¿Cancelo tu reserva de {0}?", "¿Cambio tu reserva de {0} para {1}?",
        "Estoy registrando tu reserva de {0}; te confirmo en cuanto quede guardada.", "¡Listo! Tu reserva de {0} está confirmada.",
        "Estoy cancelando tu reserva de {0}; te aviso en cuanto quede anulada.", "Tu reserva de {0} quedó cancelada.",
        "Estoy cambiando tu reserva para {0}; te confirmo en cuanto quede guardada.", "¡Listo! Tu reserva quedó para {0}.",
        "De acuerdo, no la reservo. ¿Qué quieres cambiar?", "De acuerdo, tu reserva sigue como estaba.",
        "No encuentro una reserva con esos datos.", "a nombre de", "el {0} a las {1}", "{0} para {1}, {2}");

    private static readonly ReplyPhrases English = new(
        "en-US", "dddd, MMMM d", "h:mm tt", n => n == 1 ? "1 person" : $"{n} people",
        new Dictionary<string, string>
        {
            [Key(BookingField.Service)] = "What would you like to book?",
            [Key(BookingField.Date)] = "For which day?",
            [Key(BookingField.Time)] = "At what time?",
            [Key(BookingField.Time, PartOfDay.Morning)] = "What time in the morning?",
            [Key(BookingField.Time, PartOfDay.Afternoon)] = "What time in the afternoon?",
            [Key(BookingField.Time, PartOfDay.Evening)] = "What time in the evening?",
            [Key(BookingField.Time, PartOfDay.Night)] = "What time at night?",
            [Key(BookingField.PartySize)] = "For how many people?",
            [Key(BookingField.Name)] = "What name should the booking be under?",
            [Key(BookingField.Contact)] = "What phone number or e-mail can we reach you at?",
        },
        new Dictionary<string, string>
        {
            [BookingErrorCodes.ImpossibleDate] = "That date doesn't exist.",
            [BookingErrorCodes.InPast] = "That time has already passed.",
            [BookingErrorCodes.BeforeLeadTime] = "That is too soon for us to take a booking.",
            [BookingErrorCodes.TooFarAhead] = "Bookings for that date are not open yet.",
            [BookingErrorCodes.Closed] = "We are closed that day.",
            [BookingErrorCodes.OutsideHours] = "We don't take bookings at that time.",
            [BookingErrorCodes.NonexistentLocalTime] = "That time doesn't exist that day because the clocks change.",
            [BookingErrorCodes.TooLarge] = "We take groups of up to {0} people.",
            [BookingErrorCodes.TooSmall] = "Bookings start at {0} people.",
            [BookingErrorCodes.PartyFixed] = "Each booking here is for {0}.",
            [BookingErrorCodes.InvalidPhone] = "That doesn't look like a valid phone number.",
        },
        "Free times: {0}.", "I can't find free times near that date.",
        "{0} is fully booked.", "Shall I book {0}?", "Shall I cancel your booking of {0}?", "Shall I move your booking of {0} to {1}?",
        "I'm recording your booking of {0}; I'll confirm as soon as it is saved.", "Done! Your booking of {0} is confirmed.",
        "I'm cancelling your booking of {0}; I'll let you know as soon as it is done.", "Your booking of {0} is cancelled.",
        "I'm moving your booking to {0}; I'll confirm as soon as it is saved.", "Done! Your booking is now for {0}.",
        "All right, I won't book it. What would you like to change?", "All right, your booking stays as it was.",
        "I can't find a booking with those details.", "under the name", "{0} at {1}", "{0} for {1}, {2}");

    private static readonly ReplyPhrases Portuguese = new(
        "pt-BR", "dddd, d 'de' MMMM", "HH:mm", n => n == 1 ? "1 pessoa" : $"{n} pessoas",
        new Dictionary<string, string>
        {
            [Key(BookingField.Service)] = "O que você gostaria de reservar?",
            [Key(BookingField.Date)] = "Para qual dia?",
            [Key(BookingField.Time)] = "Para que horas?",
            [Key(BookingField.Time, PartOfDay.Morning)] = "Que horas da manhã?",
            [Key(BookingField.Time, PartOfDay.Afternoon)] = "Que horas da tarde?",
            [Key(BookingField.Time, PartOfDay.Evening)] = "Que horas da noite?",
            [Key(BookingField.Time, PartOfDay.Night)] = "Que horas da madrugada?",
            [Key(BookingField.PartySize)] = "Para quantas pessoas?",
            [Key(BookingField.Name)] = "Em nome de quem faço a reserva?",
            [Key(BookingField.Contact)] = "Qual telefone ou e-mail para contato?",
        },
        new Dictionary<string, string>
        {
            [BookingErrorCodes.ImpossibleDate] = "Essa data não existe.",
            [BookingErrorCodes.InPast] = "Esse horário já passou.",
            [BookingErrorCodes.BeforeLeadTime] = "Esse horário está em cima da hora para reservar.",
            [BookingErrorCodes.TooFarAhead] = "As reservas para essa data ainda não estão abertas.",
            [BookingErrorCodes.Closed] = "Estamos fechados nesse dia.",
            [BookingErrorCodes.OutsideHours] = "Não temos reservas nesse horário.",
            [BookingErrorCodes.NonexistentLocalTime] = "Esse horário não existe nesse dia por causa da mudança de horário.",
            [BookingErrorCodes.TooLarge] = "Recebemos grupos de até {0} pessoas.",
            [BookingErrorCodes.TooSmall] = "As reservas são a partir de {0} pessoas.",
            [BookingErrorCodes.PartyFixed] = "Cada reserva aqui é para {0}.",
            [BookingErrorCodes.InvalidPhone] = "Esse número não parece um telefone válido.",
        },
        "Horários livres: {0}.", "Não encontrei horários livres perto dessa data.",
        "{0} está lotado.", "Confirmo a reserva de {0}?", "Cancelo sua reserva de {0}?", "Mudo sua reserva de {0} para {1}?",
        "Estou registrando sua reserva de {0}; confirmo assim que estiver salva.", "Pronto! Sua reserva de {0} está confirmada.",
        "Estou cancelando sua reserva de {0}; aviso assim que estiver feito.", "Sua reserva de {0} foi cancelada.",
        "Estou mudando sua reserva para {0}; confirmo assim que estiver salva.", "Pronto! Sua reserva agora é para {0}.",
        "Tudo bem, não vou reservar. O que você quer mudar?", "Tudo bem, sua reserva continua como estava.",
        "Não encontrei uma reserva com esses dados.", "em nome de", "{0} às {1}", "{0} para {1}, {2}");

    public static string AskKey(BookingField field, PartOfDay? part) => Key(field, part);
}
