namespace Concierge.Safety;

/// <summary>English, including chat shorthand ("kms", "unalive") and contractions read without apostrophes.</summary>
internal static class EnglishCrisisRules
{
    public static CrisisLanguage Build() => new CrisisLanguage("en")
        .Words("want", "want|wanna|wana|wnat|wan|wish+to|would+like+to|need|going+to|ready+to")
        .Words("going", "going+to|gonna|gona|about+to|will|ill|planning+to|plan+to|decided+to|ready+to|im+going+to")
        .Words("verb", "kill|killing|end|ending|unalive|unaliving|hang|hanging|hurt|hurting|harm|harming|cut|cutting|burn|burning|slit|shoot|overdose|od")
        .Words("myself", "myself|myslef|meself|my+self|my+life|it+all|my+wrists|everything")
        .Words("place", "bridge|roof|rooftop|building|balcony|window|cliff|train|tracks|car|bus|ledge|overpass|tower|subway|traffic|river|truck")
        .Words("pills", "pills|pill|meds|tablets|medication|paracetamol|tylenol|ibuprofen|painkillers|sleeping+pills|bottle")
        .Words("suicide", "suicide|suicidal|suicde|sucide|suiside")
        // Effort words: "killing myself studying" is hyperbole about work, not a plan.
        .Words("effort", "studying|working|training|running|cleaning|trying|practicing|at+work|at+the+gym|at+school|to+finish|to+pass|for+this+exam|on+this+project")
        .Negating("not never no dont doesnt didnt wont wouldnt isnt arent aint nor")
        .Breaking("but and though although however")
        .Marking("the i to and you my is it im dont want of for this that a in on be with what how just feel cant anymore")

        .Idiom(
            "killing|killin|kills|killed me", "going+to|gonna|will|would kill me", "kill|killing for",
            "kill|killing|killed ..2 process|processes|time|task|job|app|server|pid|port|command|branch|session|bug|vibe|mood|lights|engine",
            "killing it", "two birds", "overkill", "dead tired", "to die for", "dying|died|die to|for|laughing|of",
            "die|dye|dyed my|her|his|your ..1 hair", "bored|scared|worried|starving|starved|freezing to death",
            "jump ..1 on|into ..1 call|meeting|queue|pool|bandwagon|train", "could die",
            "pills|pill|meds|medication for ..2 pressure|headache|allergies|cholesterol|thyroid|diabetes|pain|sleep",
            "rope for ..2 climbing|camping|sailing|swing|gym", "cut ..2 hair|bangs|cake|onions|costs|class|ties|finger|thumb",
            "kill|killing|killed|kills myself @effort", "work|working|worked|study|studying|studied|train|training myself to death",
            // "if I have to sit through one more meeting I'll shoot myself": a conditional complaint.
            "if i have|need|hear|see ..6 one+more|another|again ..6 ill|i+will|id|im+gonna|im+going+to ..1 kill|shoot|hang|stab myself")

        .Crisis("direct.ideation", CrisisSeverity.Medium, "suicidal ideation",
            "@want to|2? die|dye|di|dy|overdose|od|disappear+forever|be+dead|not+exist|not+be+alive|not+be+here",
            "@verb @myself", "kms",
            "thinking|think|thought|thoughts ..3 @suicide|killing+myself|ending+my+life|ending+it",
            "im|i+am|feel|feeling|been|getting suicidal", "feel|feeling so|really|very suicidal",
            "deserve to die", "better off dead", "wish i was|were ..1 dead|never+born", "wish i didnt|never exist*",
            "stop|stopped|cease ..1 existing|to+exist", "sleep ..1 forever",
            "dont|do+not @want to|2? live|be+alive|exist|wake+up|be+here|keep+living|go+on",
            "dont|not know if|whether i @want to|2? live|keep+living|be+alive|go+on",
            "not sure i @want to|2? live|keep+living|be+alive|go+on",
            "sleep ..2 never wake*|waking",
            // A gap word here would read "I want this anxiety to stop" as wanting life to stop.
            "@want it|this|everything|it+all|this+life|my+life all|just|to+just? to end|stop|be+over",
            "im|i+am done with life|living",
            "ready to die")
        .Crisis("direct.selfharm", CrisisSeverity.Medium, "self-harm",
            "i|im|ive|been|keep|started ..2 self+harm*|selfharm*",
            "slit|cut|cutting ..1 my wrists", "@want to|2? cut|bleed|burn+myself")
        .Crisis("intent.plan", CrisisSeverity.High, "stated intent or plan",
            "@going ..2 @verb ..1 @myself",
            "use|using ..2 on myself",
            "@going ..1 overdose|od|kms")
        .Crisis("intent.jump", CrisisSeverity.High, "plan to jump",
            "@going|throw*|i ..2 jump*|throw*|myself ..3 off|from|in+front+of ..3 @place",
            "throw* myself ..4 @place",
            "thinking|think|thought ..2 jump*|throw*|driving ..4 off|from|in+front+of|into ..3 @place",
            "drive|crash|driving ..3 into ..2 wall|tree|traffic|river")
        .Crisis("intent.stockpile", CrisisSeverity.High, "stockpiling means",
            "saving|saved|stockpiling|hoarding|collecting|stashing ..2 @pills")
        .Crisis("intent.overdose", CrisisSeverity.High, "overdose plan",
            "take|taking|swallow|swallowing ..1 all|whole|entire ..3 @pills")
        .Crisis("imminent.overdose", CrisisSeverity.Imminent, "overdose taken",
            "swallowed|took|taken|ate ..1 all|the+whole|whole|entire ..3 @pills|pack|box",
            "swallowed|took|taken|ate ..1 like|about|around|over? 10|12|15|20|25|30|40|50|60|100|a+dozen|dozens|twenty|thirty|fifty ..4 @pills")
        .Crisis("direct.farewell", CrisisSeverity.High, "farewell letter",
            "@suicide note|letter", "goodbye|farewell letter|letters|note|notes")
        .Crisis("indirect.burden", CrisisSeverity.Low, "feels a burden",
            "im|i+am|feel ..3 burden", "burden to|on|for ..1 everyone|everybody|my+family|you|all|others",
            "better|happier|fine|okay|ok ..1 off? without me",
            "better|happier ..2 if i wasnt|werent|was+not|were+not|didnt ..1 around|here|alive|exist|gone",
            "better|happier|fine ..2 if i was|were gone|dead",
            "better|happier|fine ..3 if i ..1 stopped+existing|disappeared|died|was+gone|wasnt+around",
            "wont be a? problem|burden ..2 anyone|anybody|anymore|you")
        .Crisis("indirect.no_reason", CrisisSeverity.Low, "no reason to live",
            "no reason|point to|in|of ..1 live|living|go+on|keep+going|being+alive|life",
            "dont|do+not|cant see ..1 the point of|in living|life|going+on|anything",
            "life isnt|is+not|aint ..1 worth living|it",
            "tired of being alive|living|life|existing")
        .Crisis("indirect.farewell", CrisisSeverity.Low, "giving things away, not being missed",
            "giving|give|gave ..1 away ..3 things|stuff|belongings|possessions",
            "giving|give|gave|giving+all|gave+all my|all+my things|stuff|belongings|possessions|everything away",
            "nobody|no+one ..3 notice|miss|care ..4 gone|disappeared|died|dead|wasnt+here",
            "wont be around|here ..1 much? longer|for+long")
        .Crisis("indirect.disappear", CrisisSeverity.Low, "wants to disappear for good",
            "disappear* ..2 forever", "disappear ..2 never come back")
        .Crisis("direct.end_life", CrisisSeverity.Medium, "wants to end their life",
            "take|taking|end|ending my+own|my life", "wish|hope ..3 could|would just? die|disappear+forever|not+exist|not+wake+up|never+wake+up",
            "hope|hoping i|to ..1 never|dont|do+not|wont wake* up?", "never wake* up? again|ever+again", "not wake* up? again|ever+again")
        .Crisis("indirect.only_way", CrisisSeverity.Medium, "death as the only way out",
            "only|last way|way+out|option|solution|answer|choice|escape ..4 die|dying|death|suicide|kill+myself|end+it|ending+it|ending+things|end+things|ending+it+all",
            "suicide|dying|death|ending+it ..4 only|last|best way|option|solution|answer|choice|way+out|escape",
            "no way out ..3 except|but|besides|other+than ..2 die|dying|death|suicide|ending|end")
        .Crisis("indirect.no_point", CrisisSeverity.Low, "no point in living",
            "no|any point ..1 in|of|to living|life|going+on|being+alive|existing|keep+going|staying+alive",
            "whats|what+is|what+s the point ..3 living|life|going+on|of+it+all|existing|being+alive|staying+alive",
            "life|living isnt|is+not|aint ..1 worth ..1 it|living|anything",
            "why ..2 keep|go|bother ..1 living|going+on|on+living|being+alive|existing")
        .Crisis("intent.edge", CrisisSeverity.High, "at the edge of a height",
            "standing|sitting|stood|standing+right|im|i+am on|at the? edge|ledge|railing|rail of? the|a? @place",
            "edge|ledge|railing of|on the|a? @place ..3 now|right+now|tonight|to+jump|jump")
        .Crisis("intent.hanging", CrisisSeverity.High, "a hanging plan",
            "know|found|picked|figured where|how to tie|hang ..2 it|rope|myself|noose", "tied|tying|made|making ..2 noose|a+noose")
        .Crisis("intent.swallow", CrisisSeverity.High, "overdose plan",
            "take|taking|swallow|swallowing|down|gonna+take ..1 every|each|a+whole|the+whole|the+entire ..3 @pills|pack|box|blister",
            "@going take|swallow ..3 @pills ..2 all|at+once|together")
        .Crisis("direct.not_safe", CrisisSeverity.High, "cannot keep themself safe",
            "cant|cannot|not|dont|unable ..4 keep|stay|be ..1 myself? safe", "not sure i can|ill ..2 stay|keep|be ..1 myself? safe")
        .Crisis("direct.not_here", CrisisSeverity.Medium, "thinks about not being alive",
            "think|thinking|thought|dream|dreaming about|of ..1 not being ..1 here|alive|around", "think|thinking|thought about|of ..1 dying|death|ending+it|my+death")
        .Crisis("direct.selfharm_body", CrisisSeverity.Medium, "self-harm",
            "cutting|cut|burning|burned|scratching ..1 my arms|legs|thighs|skin|wrists|wrist|arm|leg",
            "keep|kept|started|start ..2 cutting|hurting+myself|harming+myself")
        .Inquiry("inquiry.lethal", "question about lethal means",
            "lethal|fatal|deadly dose|amount|overdose",
            "how many ..5 lethal|fatal|kill|to+die|overdose|die",
            "how many|much ..6 to+not+wake|never+wake|not+wake+up|to+not+wake+up|not+to+wake",
            "how high|tall ..10 survive|die|kill|fatal|lethal|deadly",
            "easiest|quickest|fastest|painless|best|surest ..1 way|ways|method|methods to die|kill+myself|end+it|commit+suicide",
            "die painlessly", "painless death|suicide", "how to kill myself|commit+suicide|die")

        .Cue("cue.distress", CrisisCue.Distress, "distress",
            "cant|cannot|can+not go+on|take+it|do+this|handle+it|cope",
            "nobody|no+one cares ..1 about? me", "no point in|to anything|everything", "nothing matters",
            "feel hopeless|empty|worthless", "falling apart", "im|i+am so? done", "tired of fighting|trying|everything", "@want to disappear", "tired|sick of everything")
        .Cue("cue.means", CrisisCue.Means, "means at hand",
            "have|got|bought|holding|found ..3 @pills|rope|gun|knife|blade|razor|pistol|poison|noose",
            "im|i+am|standing|sitting on|at ..1 the|a|this? @place|edge",
            "pharmacy")
        .Cue("cue.action", CrisisCue.Action, "about to act",
            "@going ..1 jump|do+it|end+it|end+this", "have|got|made ..1 a plan", "ways|way|methods|method to die|kill+myself|end+it", "everything|it is|s ready", "know what im? going+to|gonna|have+to|need+to do", "thinking about using it")
        .Cue("cue.farewell", CrisisCue.Farewell, "farewell",
            "goodbye|bye|farewell everyone|all|world|forever", "wrote|writing|written|left ..3 letter|letters|note", "easier|better this way",
            "it|everything|all ends", "ends tonight")
        .Cue("cue.farewell_words", CrisisCue.Farewell, "farewell",
            "this is|this+will+be|its|it+is my last message|text|post|goodbye|night", "my last message|goodbye|words",
            "said|saying|say goodbye ..1 to ..2 everyone|everybody|my+friends|my+family|friends|family|all|you",
            "wont|will+not|will+never|never see|hear ..1 from? me again|anymore", "thank|thanks you? for everything",
            "wont need ..3 where im going|anymore", "giving|gave|give ..1 away ..3 my")
        .Cue("cue.time", CrisisCue.Time, "now", "tonight", "today", "right now", "now")

        .Past("used to", "years|months ago", "in the past", "back then", "when i was", "in high school|college", "when i said")
        .Recovered("im|i+am|feel|doing ..2 fine|ok|okay|better|good|well|alright", "therapy helped", "got help", "recovered", "been|im|i+am|stayed clean|sober", "days|weeks|months|years clean|sober", "a much better place", "threw|throw out|away the|my blades|razors|pills", "in therapy|recovery")
        .Research("for my|a ..2 essay|paper|thesis|class|homework|research|project|course|assignment|school|presentation",
            "risk factors", "warning signs", "signs of|that", "im a teacher|counselor|nurse|therapist|parent", "suicide rate|rates|statistics", "suicide prevention",
            "how can i help|support", "nursing school", "writing a paper", "studying for ..2 exam|test|boards");
}
