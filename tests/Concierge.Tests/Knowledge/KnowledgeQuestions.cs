namespace Concierge.Tests.Knowledge;

/// <summary>
/// Questions as customers type them: paraphrases, informal, with and without accents, never a copy
/// of a heading. Each names the document that answers it. The off-topic ones have no answer at all.
/// </summary>
internal static class KnowledgeQuestions
{
    public static IReadOnlyList<(string Language, string Question, string ExpectedFile)> Answerable { get; } =
    [
        ("en", "Are you open on Mondays?", "olive-tree-faq.md"),
        ("en", "How long will you keep my table if I'm running late?", "olive-tree-faq.md"),
        ("en", "do you have gluten free food", "olive-tree-faq.md"),
        ("en", "Can I bring my own wine to dinner?", "olive-tree-faq.md"),
        ("en", "where do I park when I come to eat?", "olive-tree-faq.md"),
        ("en", "Is there a free trial before I have to pay?", "cloudledger-billing.html"),
        ("en", "What happens if my card payment doesn't go through?", "cloudledger-billing.html"),
        ("en", "How do I download an invoice?", "cloudledger-billing.html"),
        ("en", "Will I get my money back if I cancel my yearly subscription?", "cloudledger-billing.html"),
        ("en", "Do you take direct debit?", "cloudledger-billing.html"),
        ("en", "How many days do I have to send back a laptop I bought?", "brightwave-returns.txt"),
        ("en", "can i return headphones i already opened", "brightwave-returns.txt"),
        ("en", "My tablet broke after a year because of a defect, is that covered?", "brightwave-returns.txt"),
        ("en", "What do you charge if I don't show up for my appointment with the doctor?", "greenleaf-clinic-policies.md"),
        ("en", "How can I get a repeat prescription?", "greenleaf-clinic-policies.md"),
        ("en", "When will my lab results be ready?", "greenleaf-clinic-policies.md"),
        ("en", "Can I pause my membership while I'm travelling?", "harbor-fitness-membership.pdf"),
        ("en", "How much notice do I have to give to cancel my monthly membership?", "harbor-fitness-membership.pdf"),
        ("en", "Can I bring a friend to the gym?", "harbor-fitness-membership.pdf"),

        ("es", "¿Cuánto me cobran si falto a la cita del dentista sin avisar?", "clinica-sonrisa-politicas.md"),
        ("es", "¿Puedo pagar la ortodoncia a plazos?", "clinica-sonrisa-politicas.md"),
        ("es", "¿Trabajáis con Adeslas?", "clinica-sonrisa-politicas.md"),
        ("es", "Se me ha roto un diente, ¿me podéis ver hoy?", "clinica-sonrisa-politicas.md"),
        ("es", "¿Mi hijo de 14 años puede ir solo al dentista?", "clinica-sonrisa-politicas.md"),
        ("es", "la primera revision es gratis?", "clinica-sonrisa-politicas.md"),
        ("es", "¿Cuánto tarda en llegar mi pedido?", "tienda-moda-devoluciones.html"),
        ("es", "¿Desde qué importe no pago el envío?", "tienda-moda-devoluciones.html"),
        ("es", "¿Cuántos días tengo para devolver una camiseta?", "tienda-moda-devoluciones.html"),
        ("es", "¿Cuándo me devolvéis el dinero?", "tienda-moda-devoluciones.html"),
        ("es", "Me queda pequeña la chaqueta, ¿la puedo cambiar por otra talla?", "tienda-moda-devoluciones.html"),
        ("es", "¿A qué hora puedo entrar en la habitación?", "hotel-mirador-preguntas.txt"),
        ("es", "¿Puedo ir al hotel con mi perro?", "hotel-mirador-preguntas.txt"),
        ("es", "cuanto cuesta aparcar en el hotel", "hotel-mirador-preguntas.txt"),
        ("es", "¿Hay que pagar por el wifi?", "hotel-mirador-preguntas.txt"),
        ("es", "¿Puedo anular la reserva sin que me cobren?", "hotel-mirador-preguntas.txt"),
        ("es", "¿Me podéis recoger en el aeropuerto?", "hotel-mirador-preguntas.txt"),

        ("pt", "Vocês abrem à segunda-feira?", "cantina-da-vila-faq.md"),
        ("pt", "Fazem entregas em casa?", "cantina-da-vila-faq.md"),
        ("pt", "Têm comida vegetariana?", "cantina-da-vila-faq.md"),
        ("pt", "Aceitam cheques?", "cantina-da-vila-faq.md"),
        ("pt", "Quanto custa o menu do almoço?", "cantina-da-vila-faq.md"),
        ("pt", "onde posso estacionar o carro perto do restaurante", "cantina-da-vila-faq.md"),
        ("pt", "Como marco uma consulta para o meu gato?", "petvida-clinica-veterinaria.html"),
        ("pt", "O que acontece se eu faltar à consulta do meu cão?", "petvida-clinica-veterinaria.html"),
        ("pt", "A clínica atende urgências à noite?", "petvida-clinica-veterinaria.html"),
        ("pt", "Com que idade o cão tem de levar a vacina da raiva?", "petvida-clinica-veterinaria.html"),
        ("pt", "Quando posso visitar o meu animal internado?", "petvida-clinica-veterinaria.html"),
        ("pt", "Quantos dias tenho para devolver uma compra?", "loja-casa-bela-trocas.txt"),
        ("pt", "Quem paga o envio da devolução?", "loja-casa-bela-trocas.txt"),
        ("pt", "quanto tempo demora o reembolso", "loja-casa-bela-trocas.txt"),
        ("pt", "Recebi um vaso partido, o que faço?", "loja-casa-bela-trocas.txt"),
        ("pt", "Posso trocar uma colcha por outra cor?", "loja-casa-bela-trocas.txt"),
    ];

    public static IReadOnlyList<(string Language, string Question)> OffTopic { get; } =
    [
        ("en", "What's the weather like in Paris tomorrow?"),
        ("en", "Who won the football world cup in 2010?"),
        ("en", "How do I reset my router password?"),
        ("es", "¿Quién ganó el mundial de fútbol de 2010?"),
        ("es", "¿Qué tiempo hará mañana en Madrid?"),
        ("es", "¿Cómo se hace una paella?"),
        ("pt", "Qual é a capital da Austrália?"),
        ("pt", "Como faço um bolo de chocolate?"),
        ("pt", "Quem escreveu Os Lusíadas?"),
    ];
}
