using Concierge.Emotions;

namespace Concierge.Tests.Emotions;

public class EmotionDetectorTests
{
    private readonly EmotionDetector _detector = new();

    [Theory]
    [InlineData("¡Estoy muy feliz con la reserva!", EmotionLabel.Joy)]
    [InlineData("muchas gracias por todo", EmotionLabel.Gratitude)]
    [InlineData("no estoy feliz con el servicio", EmotionLabel.Frustration)]
    [InlineData("estoy harto, esto no funciona", EmotionLabel.Frustration)]
    [InlineData("estoy furioso, es inaceptable", EmotionLabel.Anger)]
    [InlineData("qué triste, me siento mal", EmotionLabel.Sadness)]
    [InlineData("me preocupa no llegar a tiempo", EmotionLabel.Anxiety)]
    [InlineData("no estoy enojado", EmotionLabel.Neutral)]
    [InlineData("no, gracias", EmotionLabel.Neutral)]
    [InlineData("quiero una mesa para 4", EmotionLabel.Neutral)]
    [InlineData("superfeliz 🎉", EmotionLabel.Joy)]
    public void Spanish_messages_read_their_emotion(string text, EmotionLabel expected) =>
        Assert.Equal(expected, _detector.Detect(text).Label);

    [Theory]
    [InlineData("I'm so happy, this is amazing", EmotionLabel.Joy)]
    [InlineData("thank you so much!", EmotionLabel.Gratitude)]
    [InlineData("I'm not happy at all", EmotionLabel.Frustration)]
    [InlineData("ugh, the link is not working again", EmotionLabel.Frustration)]
    [InlineData("This is unacceptable, I'm furious", EmotionLabel.Anger)]
    [InlineData("really disappointed with my visit", EmotionLabel.Sadness)]
    [InlineData("I'm nervous we'll be late", EmotionLabel.Anxiety)]
    [InlineData("I am not worried", EmotionLabel.Neutral)]
    [InlineData("table for two at 8pm", EmotionLabel.Neutral)]
    [InlineData("😡😡", EmotionLabel.Anger)]
    public void English_messages_read_their_emotion(string text, EmotionLabel expected) =>
        Assert.Equal(expected, _detector.Detect(text).Label);

    [Theory]
    [InlineData("Estou muito feliz!", EmotionLabel.Joy)]
    [InlineData("muito obrigada pela ajuda", EmotionLabel.Gratitude)]
    [InlineData("não estou contente com isso", EmotionLabel.Frustration)]
    [InlineData("que saco, o site não funciona", EmotionLabel.Frustration)]
    [InlineData("estou com raiva, isso é inaceitável", EmotionLabel.Anger)]
    [InlineData("fiquei triste e desapontada", EmotionLabel.Sadness)]
    [InlineData("estou preocupado com o horário", EmotionLabel.Anxiety)]
    [InlineData("não estou nervoso", EmotionLabel.Neutral)]
    [InlineData("uma mesa para duas pessoas", EmotionLabel.Neutral)]
    [InlineData("😭", EmotionLabel.Sadness)]
    public void Portuguese_messages_read_their_emotion(string text, EmotionLabel expected) =>
        Assert.Equal(expected, _detector.Detect(text).Label);

    [Fact]
    public void An_intensifier_strengthens_the_score()
    {
        var plain = _detector.Detect("estoy feliz").Score;
        var strong = _detector.Detect("estoy muy feliz").Score;

        Assert.InRange(plain, 0.5, 0.7);
        Assert.True(strong > plain);
        Assert.InRange(strong, 0, 1);
    }

    [Fact]
    public void Exclamation_marks_strengthen_what_was_found() =>
        Assert.True(_detector.Detect("gracias!!!").Score > _detector.Detect("gracias").Score);

    [Fact]
    public void A_complaint_outweighs_a_thank_you_of_the_same_strength() =>
        Assert.Equal(EmotionLabel.Frustration, _detector.Detect("gracias, pero estoy molesto").Label);

    [Fact]
    public void Nothing_found_is_neutral_with_no_strength_and_names_the_detector() =>
        Assert.Equal(new EmotionReading(EmotionLabel.Neutral, 0, "lexicon-v1"), _detector.Detect("mañana a las 8"));
}
