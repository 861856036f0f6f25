namespace Concierge.Safety;

/// <summary>Spanish, with Chilean and Latin American colloquial forms ("weon", "cachai", "puro").</summary>
internal static class SpanishCrisisRules
{
    public static CrisisLanguage Build() => new CrisisLanguage("es")
        .Words("want", "quiero|qiero|kero|qro|quisiera|queria|deseo|necesito|tengo+ganas+de|tengo+muchas+ganas+de|tengo+tantas+ganas+de|me+dan+ganas+de|me+dan+muchas+ganas+de|me+gustaria|solo+quiero")
        .Words("going", "voy+a|vo+a|boy+a|ire+a|pienso|planeo|decidi|he+decidido|estoy+por|voy")
        .Words("self", "matarme|suicidarme|suicidarme|ahorcarme|colgarme|quitarme+la+vida|kitarme+la+vida|acabar+con+mi+vida|terminar+con+mi+vida")
        .Words("place", "puente|edificio|balcon|azotea|techo|ventana|metro|tren|vias|auto|camion|precipicio|acantilado|piso|cerro|viaducto|rio")
        .Words("pills", "pastillas|pildoras|remedios|medicamentos|blister|sobredosis|clonazepam|paracetamol|ravotril|tabletas")
        // Effort words: "me mato estudiando" is hyperbole about work, not a plan.
        .Words("effort", "estudiando|trabajando|entrenando|corriendo|limpiando|practicando|estudiar|trabajar|entrenar|limpiar|practicar|en+el+gimnasio|en+el+gym|en+la+pega|en+el+trabajo")
        .Negating("no nunca jamas ni tampoco")
        .Breaking("pero y aunque mas sino")
        .Marking("el los las del por para con una estoy quiero tengo soy muy pero ya yo hay eso esto nada mi y puedo noche hoy weon cachai cuando como mas")

        // Figures of speech are masked first, so that no rule below can read them.
        .Idiom(
            "muero|mori|morimos|muere|muriendo de|del|por|con",
            "morir* de lo ..1 rico|bueno|lindo|linda|bonito|feliz", "morir*|muert*|muerta de|del ..1 risa|hambre|ganas|verguenza|sueno|cansancio|frio|calor|susto|aburrimiento|envidia|amor|celos|nervios|sed|miedo|pena|tristeza",
            "de muerte", "para morirse", "!voy|vou|vo me|te|nos|le|la|lo mata|matan|mataste|matas", "matando",
            "matar ..1 tiempo|rato|proceso|pajaros|tarea|servidor|programa", "va|van|vas|iba|iban|ira|iran a matarme", "me matas|mata|matan con|de",
            "ba|ban a matar", "cort* ..1 pelo|cabello|unas|flequillo|dedo", "cort* con", "cort* ..1 al|afeitando|afeitarme|cocinando|cocinar|rasurarme",
            "tir* ..1 a la piscina|pileta", "saltar ..1 en|la paracaidas|bungee|cuerda",
            "pastilla|pastillas|remedios ..1 para|de ..1 presion|dolor|cabeza|alergia|colesterol|tiroides|diabetes|dormir",
            "cuerda|soga para ..2 tender|ropa|escalar|saltar|amarrar",
            "mato|matando|matarme|matar|mataba|mate|matamos de|a|tanto|de+tanto? @effort")

        .Crisis("direct.ideation", CrisisSeverity.Medium, "suicidal ideation",
            "@want ..1 morir*|@self|suicid*",
            "me @want ..2 morir*|matar*|suicidar",
            "pensando|pienso|pensado|pensaba ..2 suicid*|@self|morir*",
            "me suicid*|suicidaria",
            "no @want ..2 vivir*|viviendo|existir|seguir+viviendo|seguir+asi|estar+aqui|estar+aca|despertar*",
            "no se si @want ..2 vivir*|viviendo|estar+aqui",
            "ojala no despertar*|despierte|amanecer",
            "dormir* ..3 no despertar*|despierte",
            "@want que todo termine|acabe|se+acabe|pare|se+detenga|se+termine",
            "terminar|acabar con todo",
            "@want ..1 dejar+de+existir|dejar+de+vivir|no+existir|no+estar|nunca+haber+nacido",
            "mejor es|seria ..1 no estar|existir|despertar*|morir*",
            "@want que se acabe|termine mi vida",
            "no despierto|despertara|despertar ..1 mejor", "mejor no despertar*",
            "merezco morir*", "dormir* para siempre")
        .Crisis("direct.selfharm", CrisisSeverity.Medium, "self-harm",
            "me corto|corte|cortaba|cortando|lastimo|autolesiono|autolesion*",
            "me volvi|vuelvo|sigo a? cortar|cortando",
            "@want ..1 hacerme+dano|lastimarme|cortarme|herirme",
            "cortarme ..1 las|los venas|brazos|munecas|piernas")
        .Crisis("intent.plan", CrisisSeverity.High, "stated intent or plan",
            "@going ..2 @self|suicid*",
            "me @going ..1 matar|suicidar|colgar|ahorcar",
            "ya decidi ..3 morir*|@self",
            "cuerda|soga lista|preparada")
        .Crisis("intent.jump", CrisisSeverity.High, "plan to jump",
            "me|@going|@want|pensando|pienso ..2 tir*|lanz*|saltar ..3 @place",
            "estoy ..2 borde|cornisa|orilla ..2 @place")
        .Crisis("intent.stockpile", CrisisSeverity.High, "stockpiling means",
            "guard*|junt*|acumul* ..3 @pills")
        .Crisis("intent.overdose", CrisisSeverity.High, "overdose plan",
            "@pills ..3 tomar* ..2 todas|todos|juntas|de+una|de+golpe",
            "tomar* ..1 todas|todos ..2 @pills")
        .Crisis("imminent.overdose", CrisisSeverity.Imminent, "overdose taken",
            "tome|trague|tomado|tragado todas|todos|muchas|demasiadas|el+frasco|la+caja|un+frasco|una+caja",
            "tome|trague|tomado|tragado todo|toda el|la|un|una ..1 frasco|caja|blister|tira|paquete|botella|tableta",
            "tome|trague|tomado|tragado ..1 como|unas|unos|mas+de? 10|12|15|20|25|30|40|50|100|veinte|treinta|cincuenta ..1 @pills")
        .Crisis("direct.farewell", CrisisSeverity.High, "farewell letter",
            "carta|cartas|mensaje de despedida")
        .Crisis("indirect.burden", CrisisSeverity.Low, "feels a burden",
            "soy|siento+que+soy|me+siento|ser un|una? carga|estorbo", "sobro",
            "mejor|bien|felices|tranquilos sin mi",
            "mejor si|que yo? no existiera|estuviera|hubiera+nacido")
        .Crisis("indirect.no_reason", CrisisSeverity.Low, "no reason to live",
            "no tengo|hay ..2 razon|razones|motivo|motivos para vivir|seguir",
            "no tiene sentido vivir|seguir|la+vida",
            "no le encuentro|veo sentido a la vida",
            "no vale la pena seguir|vivir",
            "cansad*|harto|harta de vivir|la+vida|existir")
        .Crisis("indirect.farewell", CrisisSeverity.Low, "giving things away, not being missed",
            "regal*|doy|dando ..2 cosas ..6 necesit*",
            "nadie me ..3 extranar*|echara|echaria")
        .Crisis("indirect.disappear", CrisisSeverity.Low, "wants to disappear for good",
            "desaparecer* ..2 para siempre")
        .Crisis("direct.wish_dead", CrisisSeverity.Medium, "wishes to be dead",
            "ojala|quisiera|desearia|quiero|deseo ..1 estar|estuviera|estar+ya|estuviese muert*",
            "ojala ..1 me muera|muriera|muero|mate|matara", "ojala ..2 no existiera|existir|hubiera+nacido|despertar*",
            "mejor ..1 me muero|muera|morirme|me+mato|matarme|desaparezco",
            "no despertar* nunca|jamas", "nunca mas despertar*", "no volver a despertar*")
        .Crisis("indirect.only_way", CrisisSeverity.Medium, "death as the only way out",
            "unica|ultima salida|opcion|solucion|forma|manera|escapatoria ..4 morir*|muerte|suicid*|matarme|desaparecer|acabar+con+todo",
            "suicid*|morir*|muerte|matarme ..4 unica|ultima|mejor salida|opcion|solucion")
        .Crisis("indirect.no_point", CrisisSeverity.Low, "no point in living",
            "no le? encuentro|veo|tiene ..1 sentido ..2 vivir|la+vida|seguir+viviendo|existir|estar+vivo|estar+viva",
            "vida ..2 no vale ..1 la pena", "no vale ..1 la pena ..1 vivir|seguir|la+vida|existir",
            "para que seguir si|viviendo|existiendo", "para que vivir|existir|sigo+viviendo|sigo+aqui")
        .Crisis("intent.edge", CrisisSeverity.High, "at the edge of a height",
            "en|al el? borde|cornisa|orilla|baranda|barandilla ..2 @place", "arriba|encima del|de ..1 @place ..3 saltar|tirarme|lanzarme")
        .Crisis("intent.swallow", CrisisSeverity.High, "overdose plan",
            "trag*|tomar*|tomo|tomarme ..1 todo|toda|entero|entera|completo ..3 blister|caja|frasco|@pills",
            "trag*|tomarme ..2 blister|frasco|caja ..2 entero|entera|completo|de+una|de+golpe")
        .Crisis("direct.self_word", CrisisSeverity.Medium, "suicidal ideation",
            "matarme|suicidarme|ahorcarme|quitarme+la+vida|kitarme+la+vida", "@want ..2 sobredosis", "@want tomarme|tomar una sobredosis")
        .Crisis("direct.not_safe", CrisisSeverity.High, "cannot keep themself safe",
            "no ..5 mantenerme|estar|quedarme ..1 a salvo|segura|seguro")
        .Crisis("direct.not_here", CrisisSeverity.Medium, "thinks about not being alive",
            "pienso|pensando|pensado|pensaba|sueno en ..1 ya? no estar ..1 aqui|aca|viva|vivo", "pienso|pensando|pensaba en ..1 mi? muerte|morirme|morir")
        .Crisis("direct.selfharm_more", CrisisSeverity.Medium, "self-harm",
            "me estoy|estaba|he|sigo|segui cortando|cortado|lastimando|lastimado|haciendo+dano|quemando",
            "volvi|vuelvo|empece a cortarme|lastimarme|hacerme+dano")
        .Inquiry("inquiry.lethal", "question about lethal means",
            "dosis letal|mortal",
            "dosis ..3 letal|mortal|matar",
            "cuantas|cuantos ..4 mortal*|letal*|para+morir|matar*",
            "cuantas|cuantos ..6 para+no+despertar*|no+despertar*|no+despertar+mas",
            "altura ..8 sobrevivir|morir*|mortal|matar*",
            "forma|formas|manera|maneras|metodo ..4 morir*|matarme|suicid*",
            "como ..1 suicid*|matarme", "duela ..2 morir*", "morir* sin dolor|sufrir")

        .Cue("cue.distress", CrisisCue.Distress, "distress",
            "no puedo mas|seguir", "no aguanto mas|esto", "no doy mas", "nadie me entiende|quiere|pesca",
            "no le veo sentido a nada", "nada tiene sentido", "no veo salida", "@want desaparecer",
            "cansado|cansada|harto|harta de todo|luchar|intentar", "se esta derrumbando|desmoronando", "todo se derrumba|desmorona|cae", "ya fue|fue+todo", "me canse de todo")
        .Cue("cue.means", CrisisCue.Means, "means at hand",
            "tengo|compre|consegui|traigo ..3 @pills|cuerda|soga|cuchillo|navaja|arma|pistola|veneno|cuchilla",
            "estoy en|arriba+de|sobre ..1 @place|borde|cornisa",
            "farmacia")
        .Cue("cue.action", CrisisCue.Action, "about to act",
            "@going saltar|tirarme|lanzarme|hacerlo", "me @going a? tirar|lanzar", "tengo|hice un plan", "lo @going a? hacer", "maneras|formas|metodos de ..1 morir*|matarme|suicidarme", "@going acabar|terminar con esto|todo", "tengo todo listo|preparado", "me @going tirar|lanzar", "pensando en usarla|usarlo")
        .Cue("cue.farewell", CrisisCue.Farewell, "farewell",
            "adios a todos|para+siempre", "adios", "escribi|deje ..3 carta|cartas|nota", "perdonenme por todo", "se acaba|termina todo")
        .Cue("cue.farewell_words", CrisisCue.Farewell, "farewell",
            "mi ultimo|ultima mensaje|despedida|carta|adios", "gracias por todo",
            "me despedi|despido|estoy+despidiendo|voy+a+despedir de ..2 todos|todo|mis|mi|mi+familia|mis+amigos",
            "no me van|vas|vaya|van+a a? ver ..1 mas|nunca+mas", "nunca mas ..2 me van|vas|veran|vera",
            "regal*|dando|doy ..1 mis|todas+mis cosas", "no ..2 voy a necesitar|necesitare", "ya no las|los? voy+a+necesitar|necesitare|necesito")
        .Cue("cue.hanging", CrisisCue.Action, "a hanging plan",
            "se|encontre|elegi donde|como colgar*|amarrar*|atar*|ahorcar*")
        .Cue("cue.time", CrisisCue.Time, "now", "esta noche", "hoy", "ahora")

        .Past("antes", "hace anos|tiempo", "solia", "en el pasado", "cuando era", "cuando dije")
        .Recovered("estoy|me+siento ..2 bien|mejor", "lo supere", "terapia me ayudo|ha+ayudado", "llevo ..2 anos|meses sin hacerlo|cortarme|lastimarme|hacerme", "llevo ..3 limpia|limpio", "voy al psicologo|psicologa", "estoy en terapia")
        .Research("para|pa mi|una ..1 tesis|trabajo|clase|tarea|ensayo|investigacion|informe|curso",
            "factores de riesgo", "tasa de suicidio", "prevencion del suicidio", "senales de", "como puedo ayudar", "soy profesor|profesora|psicologo|psicologa|enfermera|enfermero");
}
