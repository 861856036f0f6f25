namespace Concierge.Server.Bookings;

public sealed record FollowUpList(IReadOnlyList<FollowUpView> FollowUps);
