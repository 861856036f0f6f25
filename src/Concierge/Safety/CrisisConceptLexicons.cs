namespace Concierge.Safety;

/// <summary>
/// The cue families of <see cref="CrisisConceptScorer"/> in English, Spanish and Portuguese. These are
/// stems and two- or three-word sequences of a meaning, not whole sentences; a new word belongs in
/// the family it means, never a sentence that was missed.
/// </summary>
internal static class CrisisConceptLexicons
{
    public static IReadOnlyList<CrisisConceptLexicon> All() => [English(), Spanish(), Portuguese()];

    public static CrisisConceptLexicon English() => new CrisisConceptLexicon("en")
        .Stopping("stop stopped quit cease")
        .Add(CrisisConcept.Death, "ending things, end the pain forever, die, dye, dying, dead, death, suicid*, unaliv*, kms, end it, end it all, end everything, end things, end my life, ending it, ending my life, end the pain, end this, kill myself, killing myself, off myself, disappear*, vanish*, im gone, when im gone, gone forever, not be here, no longer be here, not be around, be gone, go away forever, leave this world, final goodbye")
        .Add(CrisisConcept.Life, "live, living, alive, exist, existing, existence, wake, waking, woke, be here, being here, be around, being around, been born, life")
        .Add(CrisisConcept.SelfHarm, "do to myself, something to myself, cut myself, cutting myself, i cut, burn myself, burning myself, hurt myself, hurting myself, harm myself, harming myself, self harm*, selfharm*, my wrists, bleed*, scars, relapse*")
        .Add(CrisisConcept.Means, "ways to, way to die, painless, fastest way, quickest way, into a wall, into a tree, pill*, tablet*, meds, medication*, antidepress*, sleeping pills, paracetamol, tylenol, ibuprofen, painkiller*, overdos*, rope, noose, razor*, blade*, knife, knives, gun, pistol, bullet*, poison*, bleach, exhaust, hang myself, hanging myself, hanged myself, jump off, jumping off, jump from, jump in front, step off, stepping off, step forward, stepping forward, the edge, over the edge, ledge, off a cliff, throw myself, drive off, in front of a, how id do it, how ill do it, #pill, #blade, #gun, #grave")
        .Add(CrisisConcept.Place, "car, bridge, roof*, cliff, platform, tracks, train, balcony, tower, overpass, garage, rooftop")
        .Add(CrisisConcept.Access, "have the, have a, have my, got the, got a, bought, buy*, holding, in my hand, collected, saved up, saving up, stash*, hoard*, looking up, looked up, searched, research*, googl*")
        .Add(CrisisConcept.Quantity, "how many, how much, enough, all of, all my, every, whole, at once, lethal, dose")
        .Add(CrisisConcept.Hopeless, "point in, any point, never get better, scared, afraid, scared of what, afraid of what, hopeless, pointless, whats the point, what is the point, the point of, no point, no way out, no reason, no future, tired of, sick of, done with, so done, im done, cant do this, cant take, cant keep, cant go on, cant anymore, give up, giving up, pain, hurts, suffer*, worthless, empty, numb, trapped, nothing left, nothing matters, hate myself, hate my life, falling apart, never stops, wont stop, exhausted, no one left")
        .Add(CrisisConcept.Burden, "burden, better off, easier for, easier without, relief, relieved, miss me, notice, without me, nobody care*, no one care*, nobody would, no one would, nobody will, no one will, worry about me, deal with me, free of me, rid of me, in the way")
        .Add(CrisisConcept.Farewell, "to everyone, everyone i love, all the people i love, goodbye, bye everyone, bye all, farewell, my last, last time, forgive me, sorry for everything, tell my, take care of my, note for, notes for, note to, notes to, wrote notes, letter for, letters for, letter to, letters to, wrote a letter, gave away, gave my, giving away, give away, my will, always loved, love you all, loved you")
        .Add(CrisisConcept.Need, "need it, needing it, need them, needing them, need this, need my, need any")
        .Add(CrisisConcept.Plan, "tonight, tomorrow, this weekend, saturday, sunday, monday, tuesday, wednesday, thursday, friday, next week, next month, by friday, decided, made up my mind, the day, know how, exactly how, the plan, planned, planning, right now, after everyone, when everyone")
        .Add(CrisisConcept.Intent, "i want, i wanna, wanna, wana, i wish, i just want, just want, im going to, im gonna, i will, ill, im ready, im about to, been thinking, thinking about, thinking of, id rather, i need to, i keep thinking, keep thinking, i might, might do")
        .Add(CrisisConcept.Self, "i, im, ive, id, ill, me, my, myself, mine")
        .Add(CrisisConcept.Loss, "lost my, left me, broke up, dumped, fired, laid off, falling apart, everything is, so alone, all alone")
        .Add(CrisisConcept.Reported, "killed himself, killed herself, took his life, took her life, took his own, took her own, committed suicide, died by suicide, said, says, told me, news, song, lyrics, movie, film, book, novel, character, article, episode, series, podcast, he wants, she wants, they want, my friend, a friend")
        .Add(CrisisConcept.Benign, "dead from, dying of, dead of, process*, server, bash, linux, windows, terminal, app, bug, code, boss, level, game, gaming, headache, fever, doctor, prescri*, per day, a day, every day, every morning, every night, daily, recipe, cake, hair, battery, phone, exit code, laptop");

    public static CrisisConceptLexicon Spanish() => new CrisisConceptLexicon("es")
        .Stopping("dejar deje parar")
        .Add(CrisisConcept.Death, "lista para irme, listo para irme, irme para siempre, termino con, terminar con este, acabo con, acabar con este, morir*, morirme, muero, muerto, muerta, muerte, matar*, matarme, me mato, suicid*, quitarme la vida, quitar la vida, acabar con todo, acabar con mi vida, terminar con todo, terminar con mi vida, se acabe todo, acabe todo, que todo se acabe, desapare*, irme de este mundo, ir de este mundo, ir de aqui, dejar este mundo, cuando no este, cuando ya no este, no estuviera, no estar, no estaria, ya no estare, no seguir aqui, el final")
        .Add(CrisisConcept.Life, "vivir, viviendo, vida, existir, exista, existo, despertar, despierte, despertarme, abrir los ojos, seguir, estar aqui, haber nacido")
        .Add(CrisisConcept.SelfHarm, "me pueda hacer, hacerme algo, me haga algo, me corte, me corto, cortarme, me cortaba, hacerme dano, me hago dano, me haria dano, hacerme mal, lastimarme, me lastimo, me lastime, autolesi*, me quemo, quemarme, las venas, cortes, sangrar, sangre, recai")
        .Add(CrisisConcept.Means, "forma de, formas de, maneras de, manera de, sin dolor, menos doloros*, mas rapid*, estrellar*, contra un muro, contra una pared, contra un arbol, pastilla*, pildora*, remedio*, medicament*, clonaz*, rivotril, antidepres*, cuchill*, navaja*, hoja de afeitar, cuerda, soga, arma, pistola, balas, veneno*, cloro, tirarme, me tiro, tirar del, tirar de, saltar*, lanzarme, colgarme, me cuelgo, colgar, ahorcarme, ahorcar*, el borde, al vacio, como lo voy a hacer, #pill, #blade, #gun, #grave")
        .Add(CrisisConcept.Place, "auto, carro, coche, puente, techo, azotea, edificio, balcon, ventana, tren, metro, vias, acantilado, piso")
        .Add(CrisisConcept.Access, "tengo, ya tengo, compre, guarde, guardad*, junte, juntando, ahorrando, escondid*, en la mano, busque, buscando")
        .Add(CrisisConcept.Quantity, "cuantas, cuantos, cuanto, suficiente*, todas, toda la caja, dosis, letal, hacen falta, hace falta")
        .Add(CrisisConcept.Hopeless, "duel*, miedo, nunca va a mejorar, sin sentido, sentido, cansad*, harta, harto, no aguanto, ya no aguanto, no doy mas, no puedo mas, no puedo seguir, salida, esperanza, para que, de que sirve, dolor, duele, sufr*, vacio, nada importa, me odio, odio mi vida, aguantando, agotad*, no vale nada")
        .Add(CrisisConcept.Burden, "carga, estorbo, mejor sin mi, estarian mejor, estaria mejor, alivio, echaria de menos, echarian de menos, extranaria*, nadie me, nadie notaria, nadie se daria, a nadie le importa, preocuparse por mi, preocupar por mi, preocupen por mi, sin mi, molestia, un problema menos")
        .Add(CrisisConcept.Farewell, "una nota, a todos, para todos, adios, me despedi, despedirme, despedi de, carta, cartas, perdon por todo, perdonenme, perdonen, los quiero, las quiero, los amo, cuiden, cuidenla, cuidenlo, regale, regalando, regalar mis, mi ultima, ultima vez")
        .Add(CrisisConcept.Need, "necesitar, necesitarla, necesitarlo, necesito, necesitare")
        .Add(CrisisConcept.Plan, "esta noche, manana, hoy, fin de mes, el sabado, el domingo, el viernes, este fin de semana, la proxima semana, decidid*, decidi, ya se como, se como, tengo un plan, el plan, ahora mismo")
        .Add(CrisisConcept.Intent, "qiero, kiero, qisiera, quiero, quisiera, ojala, me gustaria, voy a, pienso en, pensando en, he pensado, pense en, ganas de, prefiero, me quiero, quiero irme")
        .Add(CrisisConcept.Self, "compre, junte, guarde, busque, yo, me, mi, mis, conmigo, estoy, soy, tengo, quiero, voy, puedo, siento, pense")
        .Add(CrisisConcept.Loss, "me dejo, me dejaron, perdi, despidieron, termino conmigo, se fue, solo, sola, todo mal, se derrumba")
        .Add(CrisisConcept.Reported, "se suicido, se mato, se quito la vida, dijo, dice que, dicen, dijeron, noticias, noticia, cancion, pelicula, libro, serie, personaje, articulo, mi amiga, mi amigo, se quiere")
        .Add(CrisisConcept.Benign, "muerto de, muerta de, muriendo de, proceso*, servidor, linux, windows, terminal, juego, nivel, partida, celular, bateria, dolor de cabeza, fiebre, receta, pelo, todos los dias, todas las mananas, todas las noches, cada dia, al dia, por dia, de risa, de hambre, de sueno, de cansancio, de calor, de frio");

    public static CrisisConceptLexicon Portuguese() => new CrisisConceptLexicon("pt")
        .Stopping("parar parei deixar")
        .Add(CrisisConcept.Death, "acabo com, termino com, acabar com essa, pronto pra ir, pronta pra ir, morrer*, morte, morto, morta, matar*, me matar, suicid*, tirar minha vida, tirar a minha vida, tirar a vida, acabar com tudo, acabar com a minha vida, acabar com minha vida, tudo acabe, tudo acabar, que tudo acabe, sumir, sumisse, desapare*, ir embora desse mundo, ir embora deste mundo, embora desse mundo, deixar este mundo, deixar esse mundo, nao estiver, nao estiver mais, nao estar mais, nao estaria, o fim")
        .Add(CrisisConcept.Life, "viver, vivendo, vida, existir, existisse, existo, acordar, acorde, abrir os olhos, continuar, estar aqui, ter nascido")
        .Add(CrisisConcept.SelfHarm, "fazer comigo, fazer algo comigo, me fazer mal, me cortei, me corto, me cortar, me cortando, cortei, me machu*, me ferir, me feri, automutil*, os pulsos, me queimar, me queimei, sangrar, sangue, recai")
        .Add(CrisisConcept.Means, "jeito de, jeito mais, forma de, formas de, maneira de, maneiras de, sem dor, menos doloros*, mais rapid*, jogar o carro, bater o carro, num muro, contra o muro, contra a parede, remedio*, comprimido*, pilula*, rivotril, clonaz*, antidepress*, faca, lamina*, gilete, corda, arma, revolver, veneno, pular, pulo, me jogar, me atirar, me enforcar, enforcar*, la de cima, pra baixo, como vou fazer, #pill, #blade, #gun, #grave")
        .Add(CrisisConcept.Place, "carro, ponte, viaduto, predio, terraco, janela, trilho, metro, laje")
        .Add(CrisisConcept.Access, "tenho, to com, estou com, comprei, juntei, juntando, guardei, guardando, na mao, pesquisei, pesquisando")
        .Add(CrisisConcept.Quantity, "quantos, quantas, quanto, o suficiente, suficiente, todas as, dose, letal, a cartela, precisa pra")
        .Add(CrisisConcept.Hopeless, "medo, nunca vai melhorar, sem sentido, sentido, cansad*, nao aguento, aguent*, nao da mais, nao consigo mais, saida, esperanca, pra que, dor, doi, sofr*, vazio, me odeio, odeio minha vida, nada importa, exaust*, nao passa")
        .Add(CrisisConcept.Burden, "peso, melhor sem mim, ficariam melhor, ficaria melhor, alivio, sentir minha falta, sentir falta, ninguem ia, ninguem iria, ninguem liga, ninguem vai, preocupar comigo, se preocupar comigo, sem mim, incomodo, estorvo, um problema a menos")
        .Add(CrisisConcept.Farewell, "um bilhete, pra todos, para todos, adeus, tchau pra todos, me despedi, me perdoem, perdoem, perdao por tudo, carta, cartas, amo voces, cuidem, dei meu, dei minha, dei meus, dei minhas, doei, minha ultima, ultima vez")
        .Add(CrisisConcept.Need, "precisar, preciso, precisarei, precisar dele, precisar dela")
        .Add(CrisisConcept.Plan, "hoje a noite, hoje, amanha, fim do mes, sabado, domingo, sexta, esse fim de semana, semana que vem, decidi, decidid*, ja sei como, sei como, tenho um plano, o plano, agora mesmo")
        .Add(CrisisConcept.Intent, "qro, qero, kero, quero, queria, tomara, vou, pensando em, pensei em, vontade de, prefiro, to pensando")
        .Add(CrisisConcept.Self, "comprei, juntei, guardei, pesquisei, eu, me, mim, meu, minha, meus, minhas, comigo, to, estou, sou, tenho, quero, vou")
        .Add(CrisisConcept.Loss, "terminou comigo, me deixou, perdi, fui demitido, fui demitida, sozinho, sozinha, tudo errado, desmoronando")
        .Add(CrisisConcept.Reported, "se suicidou, se matou, tirou a propria vida, tirou a vida, disse, diz que, dizem, jornal, noticia, musica, letra, filme, livro, serie, personagem, meu amigo, minha amiga, se matar, quer se")
        .Add(CrisisConcept.Benign, "morto de, morta de, morrendo de, processo*, servidor, linux, windows, terminal, jogo, fase, celular, bateria, dor de cabeca, febre, receita, cabelo, todo dia, todos os dias, por dia, toda manha, toda noite, ao dia, de rir, de fome, de sono, de cansaco, de calor, de frio");
}
