using Concierge.Conversations;
using Concierge.Safety;

namespace Concierge.Tests.Safety;

public class CrisisModeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static readonly Session Calm = new()
    {
        Id = Guid.NewGuid(),
        TenantId = Guid.NewGuid(),
        AgentId = Guid.NewGuid(),
        Channel = "api",
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    private static readonly SafetyVerdict Crisis = SafetyVerdict.Crisis("reply", "ideation") with { Severity = CrisisSeverity.Medium, HasCue = true };

    [Fact]
    public void A_detection_starts_crisis_mode_and_a_later_one_keeps_its_start()
    {
        var started = CrisisMode.Next(Calm, Crisis, Now);
        var again = CrisisMode.Next(started with { CrisisCalmTurns = 2 }, Crisis, Now.AddMinutes(5));

        Assert.Equal(Now, started.CrisisSince);
        Assert.Equal(Now, again.CrisisSince);
        Assert.Equal(0, again.CrisisCalmTurns);
    }

    [Fact]
    public void Three_calm_messages_in_a_row_end_crisis_mode_and_a_cue_restarts_the_count()
    {
        var session = CrisisMode.Next(Calm, Crisis, Now);
        session = CrisisMode.Next(session, SafetyVerdict.Safe, Now);
        session = CrisisMode.Next(session, SafetyVerdict.Safe, Now);
        var cue = CrisisMode.Next(session, SafetyVerdict.Safe with { HasCue = true }, Now);
        var ended = CrisisMode.Next(session, SafetyVerdict.Safe, Now);

        Assert.Equal(2, session.CrisisCalmTurns);
        Assert.Equal((Now, 0), (cue.CrisisSince!.Value, cue.CrisisCalmTurns));
        Assert.Null(ended.CrisisSince);
        Assert.Equal(0, ended.CrisisCalmTurns);
    }

    [Fact]
    public void A_session_never_in_crisis_is_left_as_it_is()
    {
        Assert.Same(Calm, CrisisMode.Next(Calm, SafetyVerdict.Safe with { HasCue = true }, Now));
    }
}
