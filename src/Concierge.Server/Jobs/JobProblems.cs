using Concierge.Server.Errors;

namespace Concierge.Server.Jobs;

/// <summary>The problem documents of the jobs API (see <see cref="Problem"/>).</summary>
public static class JobProblems
{
    public static readonly Problem JobNotFound = new(StatusCodes.Status404NotFound, "job_not_found", "No such job.");
    public static readonly Problem JobNotDead = new(StatusCodes.Status409Conflict, "job_not_dead", "Only a dead job can be retried.");
}
