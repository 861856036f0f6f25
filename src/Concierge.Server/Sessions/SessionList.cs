namespace Concierge.Server.Sessions;

/// <summary>A page of sessions, newest first; <see cref="NextAfter"/> is the <c>after</c> of the next page (null on the last).</summary>
public sealed record SessionList(IReadOnlyList<SessionView> Sessions, Guid? NextAfter);
