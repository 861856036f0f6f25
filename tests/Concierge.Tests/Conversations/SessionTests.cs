using Concierge.Conversations;

namespace Concierge.Tests.Conversations;

public class SessionTests
{
    private static Session NewSession(DateTimeOffset? expiresAt) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = Guid.NewGuid(),
        AgentId = Guid.NewGuid(),
        Channel = "web",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        ExpiresAt = expiresAt,
    };

    [Fact]
    public void Anonymous_session_is_expired_once_its_expiry_has_passed()
    {
        var expiry = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var session = NewSession(expiry);

        Assert.False(session.IsExpiredAt(expiry.AddSeconds(-1)));
        Assert.True(session.IsExpiredAt(expiry));
    }

    [Fact]
    public void Customer_keyed_session_without_expiry_never_expires()
    {
        Assert.False(NewSession(null).IsExpiredAt(DateTimeOffset.MaxValue));
    }
}
