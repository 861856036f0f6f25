using Concierge.Agents;
using Concierge.Conversations;
using Concierge.Safety;

namespace Concierge.Tests.Safety;

public class CrisisSafetyCheckTests
{
    private static readonly CrisisSafetyCheck Check = new(CrisisDetector.Default, CrisisProtocols.Default);

    private static Message User(string text, CrisisFlag? flag = null) =>
        new(Guid.NewGuid(), Guid.Empty, 1, MessageRole.User, text, DateTimeOffset.UnixEpoch, Safety: flag);

    [Fact]
    public void A_message_after_a_crisis_that_was_flagged_is_left_to_crisis_mode_not_detected_again()
    {
        var flagged = new CrisisFlag(true, CrisisSeverity.High, "es.direct.overdose");

        var verdict = Check.Check(DemoTenant.Wellbeing, "gracias", [User("me tomé 30 pastillas", flagged)]);

        Assert.False(verdict.IsCrisis);
        Assert.False(verdict.HasCue, "a calm message counts towards ending crisis mode");
    }

    [Fact]
    public void A_message_after_a_crisis_nobody_flagged_is_a_detection()
    {
        var verdict = Check.Check(DemoTenant.Wellbeing, "no sé qué más decir", [User("me tomé como 25 pastillas de mi mamá")]);

        Assert.True(verdict.IsCrisis);
        Assert.EndsWith(".context.after_crisis", verdict.Rule);
    }
}
