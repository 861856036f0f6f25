namespace Concierge.Safety;

/// <summary>Brazilian Portuguese, including chat spellings ("tô", "vo", "pra", "kkk").</summary>
internal static class PortugueseCrisisRules
{
    public static CrisisLanguage Build() => new CrisisLanguage("pt")
        .Words("want", "quero|qro|qero|kero|queria|tenho+vontade+de|tenho+muita+vontade+de|to+com+vontade+de|to+com+muita+vontade+de|estou+com+vontade+de|estou+com+muita+vontade+de|gostaria+de|preciso|desejo|so+quero")
        .Words("going", "vou|vo|to+indo|estou+indo|decidi|ja+decidi|pretendo|planejo|eu+vou")
        .Words("self", "me+matar|me+mata|me+suicidar|me+enforcar|tirar+minha+vida|tirar+a+minha+vida|tirar+minha+propria+vida|tirar+a+minha+propria+vida|acabar+com+a+minha+propria+vida|acabar+com+a+minha+vida|acabar+com+minha+vida")
        .Words("place", "ponte|predio|janela|terraco|telhado|sacada|viaduto|trem|metro|carro|caminhao|penhasco|frente|varanda|rio")
        .Words("pills", "remedios|remedio|comprimidos|pilulas|overdose|rivotril|paracetamol|dipirona|cartela|caixa")
        // Effort words: "vou me matar de estudar" is hyperbole about work, not a plan.
        .Words("effort", "estudar|trabalhar|treinar|correr|limpar|malhar|estudando|trabalhando|treinando|malhando|correndo|limpando|na+academia|no+trabalho")
        // "n" is chat shorthand for "não" ("n quero mais viver").
        .Negating("nao nunca jamais nem n")
        .Breaking("mas e porem embora")
        .Marking("nao eu voce um uma com pra estou to quero tenho sou muito ja ele ela isso isto meu minha e mim hoje noite kkk vou tudo")

        .Idiom(
            "morrendo|morri|morto|morta|morrer|morre|morrendo de|do|da ..1 rir|fome|sono|cansaco|vontade|vergonha|saudade|saudades|frio|calor|medo|susto|inveja|tedio|raiva|amor",
            "!vou|vo|eu me mata|matou", "esta|ta|estao|tao ..1 me? matando", "bai|bao|ba me matar|mata",
            "matar ..1 aula|tempo|processo|saudade|coelhos|trabalho", "matando ..1 tempo|aula", "de morrer",
            "cort* com|o+cabelo|cabelo|a+unha", "cort* ..1 fazendo|cozinhando|barba|ao|dedo", "pular de|da ..1 paraquedas|corda",
            "remedios|remedio|comprimidos de|pra|para ..1 pressao|dor|cabeca|alergia|colesterol|tireoide|diabetes|dormir",
            "corda pra|para ..1 varal|escalar|pular|amarrar",
            "matar|mato|matando|matei|mata de|tanto|de+tanto? @effort")

        .Crisis("direct.ideation", CrisisSeverity.Medium, "suicidal ideation",
            "@want ..1 morrer*|@self|suicid*",
            "@want me ..1 matar|mata|suicidar|enforcar|jogar",
            "pensando|penso|pensado|pensei|pensava ..2 suicid*|@self|morrer",
            "nao|n @want mais? viver|existir|continuar+vivendo|estar+aqui|acordar",
            "nao sei se @want continuar|viver|seguir ..1 vivendo?",
            "dormir ..2 nunca mais acordar",
            "@want que tudo acabe|termine|pare",
            "morrer*|sumir|me+matar e|eh o que eu? mais? @want",
            "@want nao existir|nao+estar+aqui|nunca+ter+nascido|deixar+de+existir",
            "mereco morrer", "dormir pra|para sempre")
        .Crisis("direct.selfharm", CrisisSeverity.Medium, "self-harm",
            "me cortei|corto|cortando|cortava|machuquei|machuco|automutilo|automutilei",
            "@want ..1 me+machucar|me+cortar|cortar+os+pulsos",
            "cortar* os pulsos")
        .Crisis("intent.plan", CrisisSeverity.High, "stated intent or plan",
            "@going ..1 @self|me+suicidar",
            "@going tirar|acabar ..1 minha|a+minha|com+a+minha|com+minha propria? vida",
            "corda pronta|preparada")
        .Crisis("intent.jump", CrisisSeverity.High, "plan to jump",
            "@going|@want ..1 pular|me+jogar|me+atirar ..4 @place")
        .Crisis("intent.stockpile", CrisisSeverity.High, "stockpiling means",
            "juntando|guardando|acumulando|guardei|juntei ..3 @pills")
        .Crisis("intent.overdose", CrisisSeverity.High, "overdose plan",
            "@pills ..3 tomar ..2 todos|todas|de+uma+vez",
            "tomar ..1 todos|todas ..2 @pills")
        .Crisis("imminent.overdose", CrisisSeverity.Imminent, "overdose taken",
            "tomei|engoli todos|todas|a+caixa|o+frasco|muitos|muitas|a+cartela",
            "tomei|engoli ..1 uns|umas|mais+de? 10|12|15|20|25|30|40|50|100|vinte|trinta|cinquenta ..1 @pills")
        .Crisis("direct.farewell", CrisisSeverity.High, "farewell letter",
            "carta|cartas|mensagem de despedida|adeus")
        .Crisis("indirect.burden", CrisisSeverity.Low, "feels a burden",
            "sou|sinto+que+sou|ser um|uma? peso|fardo|estorvo",
            "melhor|bem|feliz|felizes|tranquilos sem mim",
            "melhor|feliz|felizes se eu? nao existisse|estivesse|tivesse+nascido",
            "melhor|feliz|felizes se eu? sumisse|morresse|fosse+embora",
            "nao vou ser|serei mais? um? problema|peso")
        .Crisis("indirect.no_reason", CrisisSeverity.Low, "no reason to live",
            "nao tenho|ha ..1 motivo|motivos|razao|razoes pra|para viver|continuar",
            "vida nao tem mais? sentido",
            "nao vale mais? a pena viver|continuar",
            "cansad* de viver|existir|vida")
        .Crisis("indirect.farewell", CrisisSeverity.Low, "giving things away, not being missed",
            "dando|doando|dei ..1 minhas coisas ..6 precisar",
            "ninguem vai|iria|ia sentir minha falta",
            "ninguem ..3 ligar|ligaria|sentiria|notaria|perceberia ..3 se eu morresse|sumisse|morrer")
        .Crisis("indirect.disappear", CrisisSeverity.Low, "wants to disappear for good",
            "sumir|sumi|desaparecer ..3 pra|para sempre")
        .Crisis("direct.wish_dead", CrisisSeverity.Medium, "wishes to be dead",
            "queria|quero|gostaria+de|preferia ..1 estar|ja+estar morta|morto",
            "oxala|tomara|quem+dera ..2 morrer*|morra|estar+morta|estar+morto|nao+acordar|nunca+ter+nascido",
            "melhor ..1 eu? morrer|me+matar|sumir+pra+sempre", "melhor eu morrer|morresse",
            "nunca mais acordar", "nao acordar* mais|nunca+mais")
        .Crisis("indirect.only_way", CrisisSeverity.Medium, "death as the only way out",
            "unica|ultima saida|opcao|solucao|jeito|forma|escapatoria ..4 morrer*|morte|suicid*|me+matar|sumir|acabar+com+tudo",
            "suicid*|morrer|morte|me+matar ..4 unica|ultima|melhor saida|opcao|solucao")
        .Crisis("indirect.no_point", CrisisSeverity.Low, "no point in living",
            "nao vejo|encontro|tem ..1 sentido ..2 viver|vida|continuar+vivendo|existir|estar+vivo|estar+viva",
            "vida ..2 nao vale ..1 mais? a pena", "nao vale ..1 mais? a pena ..1 viver|continuar|a+vida|existir",
            "pra|para que continuar|viver|existir|seguir ..1 se|vivendo?")
        .Crisis("intent.decided", CrisisSeverity.High, "stated intent or plan",
            "decidi|ja+decidi ..2 acabar|terminar com tudo|minha+vida|a+minha+vida")
        .Crisis("intent.edge", CrisisSeverity.High, "at the edge of a height",
            "na|no|em beira|beirada|borda|parapeito|grade ..2 @place", "em+cima do|da ..1 @place ..3 pular|me+jogar")
        .Crisis("intent.swallow", CrisisSeverity.High, "overdose plan",
            "engol*|tomar|tomo ..3 cartela|caixa|frasco|vidro ..1 inteira|inteiro|toda|todo|de+uma+vez",
            "engol*|tomar ..1 todos|todas ..2 @pills")
        .Crisis("direct.self_word", CrisisSeverity.Medium, "suicidal ideation",
            "me+matar|me+suicidar|me+enforcar|tirar+minha+vida|tirar+a+minha+vida", "@want ..2 overdose", "@want tomar uma overdose")
        .Crisis("direct.not_safe", CrisisSeverity.High, "cannot keep themself safe",
            "nao ..5 ficar|estar|me+manter|manter ..1 em? seguranca|segura|seguro|a+salvo")
        .Crisis("direct.not_here", CrisisSeverity.Medium, "thinks about not being alive",
            "penso|pensando|pensei|pensava|sonho em ..1 nao estar ..1 mais? aqui|viva|vivo", "penso|pensando|pensava na|em ..1 minha? morte|morrer")
        .Crisis("direct.selfharm_more", CrisisSeverity.Medium, "self-harm",
            "voltei|volto|comecei|continuo ..1 a? me cortar|machucar|cortando|machucando", "estou|to|tô me cortando|machucando|ferindo")
        .Inquiry("inquiry.lethal", "question about lethal means",
            "dose letal|fatal|mortal",
            "quantos|quantas ..4 letal|letais|mortal|mortais|pra+morrer|para+morrer|matar",
            "quantos|quantas ..6 pra+nao+acordar|para+nao+acordar|nao+acordar+mais|nunca+mais+acordar",
            "altura ..8 sobreviver|morrer|matar|mortal",
            "jeito|forma|formas|maneira|metodo ..4 morrer|me+matar|suicid*", "morrer sem dor|sofrer",
            "como ..1 me+matar|suicid*")

        .Cue("cue.distress", CrisisCue.Distress, "distress",
            "nao aguento|suporto mais", "nao consigo mais", "ninguem liga|se+importa ..1 pra|para|comigo",
            "nada faz sentido", "@want sumir", "sem saida", "cansei de tudo|lutar|tentar", "desmoronando", "ja era", "to|estou cansad* de lutar|tentar", "cansado|cansada de tudo")
        .Cue("cue.means", CrisisCue.Means, "means at hand",
            "tenho|comprei|peguei|com ..3 @pills|corda|arma|faca|lamina|veneno|revolver|pistola",
            "estou|to|estou+em+cima|to+em+cima no|na|da|do|de ..1 @place|beirada",
            "farmacia")
        .Cue("cue.action", CrisisCue.Action, "about to act",
            "@going pular|me+jogar|fazer+isso", "tenho|fiz um plano", "formas|maneiras|jeitos|metodos de ..1 morrer|me+matar|suicidio", "pensando em usar", "@going acabar com isso|tudo", "preparei|deixei tudo pronto?")
        .Cue("cue.farewell", CrisisCue.Farewell, "farewell",
            "adeus a todos|pra+sempre", "adeus", "escrevi|deixei ..3 carta|cartas|bilhete", "acaba|acabou|termina tudo")
        .Cue("cue.farewell_words", CrisisCue.Farewell, "farewell",
            "minha ultima mensagem|despedida|carta", "obrigad* por tudo",
            "me despedi|despeco|despedindo de|dos|das|do ..2 todos|todo+mundo|meus|minhas|minha|familia|amigos",
            "nao vao|vai me ver ..1 mais|nunca+mais", "nunca mais vao|vai me ver",
            "dando|doando|dei ..1 minhas|todas+as+minhas coisas", "nao vou precisar mais|mais+delas|mais+deles|delas|deles")
        .Cue("cue.hanging", CrisisCue.Action, "a hanging plan",
            "sei|achei|escolhi onde|como amarrar|pendurar|enforcar*")
        .Cue("cue.time", CrisisCue.Time, "now", "hoje", "agora", "esta noite", "hoje a noite")

        .Past("antes", "anos atras", "pensava", "costumava", "no passado", "ja pensei", "faz ..2 ano|anos|mes|meses que parei", "quando eu disse|falei")
        .Recovered("estou|to ..1 bem|melhor", "superei", "terapia ajudou|me+ajudou", "to|estou na|em terapia", "to|estou limpo|limpa")
        .Research("para|pra meu|minha|um|uma ..1 trabalho|tese|artigo|aula|pesquisa|faculdade|tcc|escola|prova",
            "fatores de risco", "taxa de suicidio", "prevencao do suicidio", "sinais de", "como posso ajudar", "sou professor|professora|psicologo|psicologa|enfermeira|enfermeiro",
            "escrevendo um artigo", "estudando pra|para ..2 prova|provas|residencia");
}
