namespace Concierge.Server.Jobs;

/// <summary>A page of jobs; <see cref="NextAfter"/> is the <c>after</c> of the next page, null on the last.</summary>
public sealed record JobList(IReadOnlyList<JobView> Jobs, Guid? NextAfter);
