namespace Concierge.Safety;

/// <summary>
/// A semantic cue family of the concept scorer (<see cref="CrisisConceptScorer"/>). Each family is
/// a set of stems and short word sequences per language; the scorer weighs which families occur
/// together rather than matching whole phrases.
/// </summary>
internal enum CrisisConcept
{
    /// <summary>Dying, ending it, killing oneself, disappearing, not being here.</summary>
    Death,

    /// <summary>Living, existing, waking up, being here: a death cue when denied ("don't want to live", "stop existing", "tired of being alive").</summary>
    Life,

    /// <summary>Self-harm acts ("me corté", "cut again", "me machuquei").</summary>
    SelfHarm,

    /// <summary>Methods and lethal means: pills, rope, blades, guns, jumping, hanging.</summary>
    Means,

    /// <summary>Heights and places a method needs (bridge, roof, platform): weak alone.</summary>
    Place,

    /// <summary>Having, buying, saving or looking up the means ("tengo", "bought", "juntei").</summary>
    Access,

    /// <summary>Being alone and unseen for a while ("nobody's home", "no hay nadie en la casa", "meus pais viajam"): weighs only with a means.</summary>
    Opportunity,

    /// <summary>How many, enough, all of them, at once, lethal dose.</summary>
    Quantity,

    /// <summary>Hopelessness, exhaustion, pain that won't stop, no way out, no point.</summary>
    Hopeless,

    /// <summary>Being a burden; others better off, relieved, not noticing or missing them.</summary>
    Burden,

    /// <summary>Goodbyes, forgiveness asked, letters, giving things away.</summary>
    Farewell,

    /// <summary>Needing something: a farewell cue when denied ("won't be needing it", "no la voy a necesitar").</summary>
    Need,

    /// <summary>A time, a date, a decision, knowing how.</summary>
    Plan,

    /// <summary>Wanting, wishing, being about to or thinking about, in the first person.</summary>
    Intent,

    /// <summary>First-person words (I, me, my, yo, eu, estoy, tô): the message is about the writer.</summary>
    Self,

    /// <summary>Loss and breakdown that earlier messages can supply as context (lost my job, me dejó).</summary>
    Loss,

    /// <summary>Someone else's words or story: said, the news, a song, a film.</summary>
    Reported,

    /// <summary>Everyday or technical contexts that borrow the words (a process, a game, a headache, a phone).</summary>
    Benign,

    /// <summary>
    /// A team, a match, a show: a trivial stake that, with a laugh, makes a wish to die a figure of
    /// speech ("mi equipo perdió otra vez, me quiero morir jajaja"). Weighs nothing by itself.
    /// </summary>
    Pastime,
}
