using Concierge.Safety;

namespace Concierge.Tests.Safety;

public class CrisisDetectorTests
{
    private static readonly CrisisDetector Detector = CrisisDetector.Default;

    private static CrisisAssessment Assess(string text, params string[] previous) => Detector.Assess(text, previous);

    [Theory]
    [InlineData("ya no quiero seguir viviendo", "es")]
    [InlineData("I want to kill myself", "en")]
    [InlineData("quero me matar", "pt")]
    [InlineData("KIEROOO M0RIRRR", "es")]
    [InlineData("i wanna d\u200Bie", "en")]
    public void Flags_a_direct_statement_and_guesses_its_language(string text, string language)
    {
        var assessment = Assess(text);

        Assert.True(assessment.IsCrisis);
        Assert.Equal(language, assessment.Language);
        Assert.NotNull(assessment.Rule);
        Assert.StartsWith(language + ".", assessment.Rule);
    }

    [Theory]
    [InlineData("me muero de la risa")]
    [InlineData("me muero de hambre")]
    [InlineData("me mata el tráfico")]
    [InlineData("estoy muerto de cansancio")]
    [InlineData("this heat is killing me")]
    [InlineData("I'd kill for a coffee")]
    [InlineData("kill the process on port 3000")]
    [InlineData("she is killing it at work")]
    [InlineData("dead tired")]
    [InlineData("that dessert is to die for")]
    [InlineData("morrendo de rir")]
    [InlineData("quero morrer de vergonha")]
    [InlineData("me quiero morir de la vergüenza")]
    [InlineData("I cut my finger opening a can")]
    [InlineData("me corté un dedo abriendo una lata")]
    [InlineData("cortei o dedo abrindo uma lata")]
    public void Reads_figures_of_speech_as_no_crisis(string text)
    {
        Assert.False(Assess(text).IsCrisis);
    }

    // Killing oneself *at* something is working too hard; being killed by mom is being in trouble.
    [Theory]
    [InlineData("vou me matar de estudar pra essa prova")]
    [InlineData("tô me matando de trabalhar essa semana")]
    [InlineData("minha mãe vai me matar quando ver a nota")]
    [InlineData("me mato estudiando para el examen")]
    [InlineData("me voy a matar entrenando este finde")]
    [InlineData("mi mamá me va a matar si ve la nota")]
    [InlineData("I'm killing myself studying for finals")]
    [InlineData("my mom is going to kill me when she sees my grades")]
    [InlineData("I've been working myself to death")]
    public void Reads_killing_oneself_with_work_and_a_parent_killing_you_as_hyperbole(string text)
    {
        Assert.False(Assess(text).IsCrisis);
    }

    [Theory]
    [InlineData("vou me matar hoje")]
    [InlineData("vou me matar, não aguento mais estudar")]
    [InlineData("me voy a matar")]
    [InlineData("I want to kill myself, studying is pointless")]
    public void Keeps_killing_oneself_a_crisis_when_no_effort_follows_it(string text)
    {
        Assert.True(Assess(text).IsCrisis);
    }

    [Theory]
    [InlineData("I would never hurt myself")]
    [InlineData("no quiero morir")]
    [InlineData("não quero me matar")]
    [InlineData("nunca he pensado en quitarme la vida")]
    [InlineData("I used to think about suicide but I'm fine now")]
    [InlineData("antes pensaba en matarme pero ya estoy bien")]
    [InlineData("back in college I used to cut, I've been clean for three years")]
    [InlineData("faz três anos que parei de me cortar e tô bem")]
    public void Reads_negation_and_past_resolved_thoughts_as_no_crisis(string text)
    {
        Assert.False(Assess(text).IsCrisis);
    }

    // A denied recovery is none ("not okay"), and a stop in the past is no recovery by itself.
    [Theory]
    [InlineData("I used to be happy, now I'm not okay and I want to die")]
    [InlineData("antes era feliz, ahora no estoy bien y quiero morirme")]
    [InlineData("antes eu era feliz, agora não tô bem e quero morrer")]
    [InlineData("llevo dos años sin cortarme pero hoy quiero matarme")]
    [InlineData("faz seis anos que parei de me cortar, mas hoje quero morrer")]
    public void Keeps_a_crisis_when_the_past_comes_with_no_recovery_or_a_denied_one(string text)
    {
        Assert.True(Assess(text).IsCrisis);
    }

    [Theory]
    [InlineData("no puedo más, quiero morirme")]
    [InlineData("I can't take it anymore, I want to die")]
    [InlineData("não sei se quero continuar vivendo")]
    public void Does_not_let_a_no_inside_a_distress_phrase_deny_what_follows(string text)
    {
        Assert.True(Assess(text).IsCrisis);
    }

    [Theory]
    [InlineData("the song goes \"I want to die in your arms\"")]
    [InlineData("a man killed himself on the bridge, reports say")]
    [InlineData("for my psychology essay, what are suicide risk factors?")]
    public void Reads_quotes_reports_and_research_questions_as_no_crisis(string text)
    {
        Assert.False(Assess(text).IsCrisis);
    }

    [Fact]
    public void Keeps_a_lethal_means_question_a_crisis_even_when_asked_for_a_friend()
    {
        var assessment = Assess("asking for a friend, what is a lethal dose of tylenol?");

        Assert.True(assessment.IsCrisis);
        Assert.Equal("en.inquiry.lethal", assessment.Rule);
    }

    [Fact]
    public void Joins_a_cue_to_the_distress_of_an_earlier_message()
    {
        var assessment = Assess("I have the pills here", "I can't go on");

        Assert.True(assessment.IsCrisis);
        Assert.Equal("en.context.after_distress", assessment.Rule);
        Assert.Equal(CrisisSeverity.High, assessment.Severity);
    }

    [Theory]
    [InlineData("I have the pills here", "what time do you open?")]
    [InlineData("me muero de la risa", "estoy bien, gracias")]
    [InlineData("tô na ponte agora", "tudo ótimo")]
    public void Does_not_turn_a_cue_or_an_idiom_into_a_crisis_after_a_calm_message(string text, string previous)
    {
        Assert.False(Assess(text, previous).IsCrisis);
    }

    [Fact]
    public void Looks_only_at_the_last_three_earlier_messages()
    {
        Assert.False(Assess("I have the pills here", "I can't go on", "hi", "ok", "thanks").IsCrisis);
    }

    [Theory]
    [InlineData("siento que soy una carga", CrisisSeverity.Low)]
    [InlineData("quiero morirme", CrisisSeverity.Medium)]
    [InlineData("me voy a tirar del puente", CrisisSeverity.High)]
    [InlineData("voy a matarme esta noche", CrisisSeverity.Imminent)]
    [InlineData("I just took all my pills", CrisisSeverity.Imminent)]
    public void Grades_severity_from_indirect_cues_to_an_act_under_way(string text, CrisisSeverity severity)
    {
        Assert.Equal(severity, Assess(text).Severity);
    }

    [Fact]
    public void Gives_a_reason_in_its_own_words_never_the_users()
    {
        var assessment = Assess("me quiero matar porque Juan Pérez me dejó");

        Assert.NotNull(assessment.Reason);
        Assert.DoesNotContain("Juan", assessment.Reason);
        Assert.Equal("suicidal ideation", assessment.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u200C\u200D\uFEFF")]
    [InlineData("🔪💊🪦")]
    [InlineData("😂😂😂")]
    [InlineData("!!!???...")]
    [InlineData("hola, I want a refund, obrigado")]
    [InlineData("\uD83D")]
    public void Survives_bad_input_without_calling_it_a_crisis(string text)
    {
        var assessment = Assess(text);

        Assert.False(assessment.IsCrisis);
        Assert.Equal(CrisisSeverity.None, assessment.Severity);
    }

    [Fact]
    public void Reads_a_ten_thousand_character_message_and_finds_the_crisis_at_its_end()
    {
        var text = string.Concat(Enumerable.Repeat("the weather is nice today. ", 370)) + "I want to die";

        Assert.True(text.Length > 10_000);
        Assert.True(Assess(text).IsCrisis);
    }

    [Fact]
    public void Reads_mixed_languages_with_every_table()
    {
        Assert.True(Assess("hola, honestly I want to die, obrigado").IsCrisis);
        Assert.True(Assess("ok so quiero morir lol").IsCrisis);
    }

    [Fact]
    public void Accepts_null_in_place_of_text_or_history()
    {
        Assert.False(Detector.Assess(null!, null!).IsCrisis);
    }

    [Fact]
    public void Gives_the_same_answers_from_many_threads_at_once()
    {
        var cases = GoldenCase.Load();
        var expected = cases.Select(c => Detector.Assess(c.Text, c.Previous)).ToList();

        var parallel = cases.AsParallel().WithDegreeOfParallelism(4).Select(c => Detector.Assess(c.Text, c.Previous)).ToList();

        Assert.Equal(expected, parallel);
    }
    [Theory]
    [InlineData("okay", "I swallowed a whole bottle of my pills an hour ago")]
    [InlineData("what happens now", "took like 40 of my sleeping pills")]
    [InlineData("no sé qué más decir", "me tomé como 25 pastillas de mi mamá")]
    [InlineData("fala pro meu irmão que eu gostava dele", "engoli uns 30 comprimidos agora")]
    public void Keeps_the_messages_after_a_crisis_a_crisis_though_they_hold_no_cue(string text, string previous)
    {
        Assert.True(Assess(previous).IsCrisis, "the earlier message alone must be a crisis");

        var assessment = Assess(text, previous);

        Assert.True(assessment.IsCrisis);
        Assert.EndsWith(".context.after_crisis", assessment.Rule);
        Assert.True(assessment.Severity >= CrisisSeverity.High);
        Assert.False(Assess(text).IsCrisis, "the message alone is not one");
    }

    [Theory]
    [InlineData("ya estoy mejor, gracias por escucharme", "me tomé como 25 pastillas de mi mamá")]
    [InlineData("I'm fine now, it was a joke lol", "took like 40 of my sleeping pills")]
    [InlineData("to bem melhor agora", "engoli uns 30 comprimidos agora")]
    public void Ends_the_crisis_context_when_the_next_message_says_things_are_better_or_jokes(string text, string previous)
    {
        Assert.False(Assess(text, previous).IsCrisis);
    }

    [Theory]
    [InlineData("so tonight is the night", "i bought a lot of pills today", "i'm so tired of everything")]
    [InlineData("ya está todo listo para esta noche", "compré muchas pastillas", "estoy cansada de todo")]
    public void Reads_a_crisis_spread_over_messages_when_they_weigh_as_one(string text, params string[] previous)
    {
        var assessment = Assess(text, previous);

        Assert.True(assessment.IsCrisis);
        Assert.False(Assess(text).IsCrisis, "the message alone is not one");
    }

    [Theory]
    [InlineData("I took 2 pills for my headache")]
    [InlineData("tomei 2 comprimidos pra dor de cabeça")]
    [InlineData("paid off my car and changed all my passwords today")]
    [InlineData("my grandma takes 12 pills a day for her heart")]
    public void Does_not_read_an_ordinary_count_or_errand_as_a_crisis(string text)
    {
        Assert.False(Assess(text).IsCrisis);
    }

    [Theory]
    [InlineData("i keep hitting myself until it bruises, i deserve it")]
    [InlineData("🩸🔪 de novo hoje, não consigo parar")]
    [InlineData("me golpeo hasta dejarme marcas porque me lo merezco")]
    public void Reads_self_harm_told_by_other_verbs_or_by_its_emoji_with_a_blade(string text)
    {
        Assert.True(Assess(text).IsCrisis);
    }

    [Theory]
    [InlineData("doei sangue hoje 🩸 me sinto ótima")]
    [InlineData("my period started 🩸 ugh cramps")]
    [InlineData("chopping onions 🔪 for the stew tonight")]
    public void Does_not_read_blood_or_a_kitchen_knife_emoji_alone_as_self_harm(string text)
    {
        var assessment = Assess(text);

        Assert.False(assessment.IsCrisis, $"read as {assessment.Rule}");
    }
}
