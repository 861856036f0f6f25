using System.Globalization;
using Concierge.Jobs;
using Concierge.Server.Accounts;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Jobs;

/// <summary>The tenant's background jobs for operators: list (e.g. the dead ones), read, and retry a dead one.</summary>
public static class JobsApi
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/jobs").WithTags("Jobs").RequireRole(Concierge.Tenants.Role.Operator).RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapGet("/", ListAsync).WithSummary("A page of the tenant's jobs in creation order, optionally of one state (queued, running, done, dead, cancelled) and kind.");
        group.MapGet("/{id}", GetAsync).WithSummary("One job: its state, attempts, schedule and last error.");
        group.MapPost("/{id}/retry", RetryAsync).WithSummary("Puts a dead job back in the queue, due now, with fresh attempts.");
        return group;
    }

    // Query values are parsed here, not bound, so a bad one is a 400 that names the parameter.
    private static async Task<Ok<JobList>> ListAsync(
        IJobStore store, RequestTenant tenant, CancellationToken cancellationToken, string? state = null, string? kind = null, string? after = null, string? limit = null)
    {
        JobState? wanted = null;
        if (!string.IsNullOrEmpty(state))
        {
            wanted = JobStates.TryParse(state, out var parsed)
                ? parsed
                : throw new RequestFieldException("state", $"Query parameter 'state' must be one of {string.Join(", ", JobStates.All)}.");
        }

        Guid? afterId = null;
        if (!string.IsNullOrEmpty(after))
        {
            afterId = Guid.TryParse(after, CultureInfo.InvariantCulture, out var id)
                ? id
                : throw new RequestFieldException("after", "Query parameter 'after' must be a job id (the next_after of the previous page).");
        }

        var pageSize = 50;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            throw new RequestFieldException("limit", $"Query parameter 'limit' must be a whole number from 1 to {MaxPageSize}.");
        }

        var jobs = await store.ListAsync(tenant.Id, wanted, string.IsNullOrEmpty(kind) ? null : kind, afterId, pageSize, cancellationToken);
        return TypedResults.Ok(new JobList([.. jobs.Select(JobView.From)], jobs.Count == pageSize ? jobs[^1].Id : null));
    }

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(
        string id, IJobStore store, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken) =>
        await FindAsync(id, store, tenant, cancellationToken) is { } job ? TypedResults.Ok(JobView.From(job)) : NotFound(http, id);

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> RetryAsync(
        string id, IJobStore store, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var job = await FindAsync(id, store, tenant, cancellationToken);
        if (job is null)
        {
            return NotFound(http, id);
        }

        return await store.RetryAsync(tenant.Id, job.Id, cancellationToken) is { } queued
            ? TypedResults.Ok(JobView.From(queued))
            : TypedResults.Problem(ProblemWriter.Create(http, JobProblems.JobNotDead, $"Job '{job.Id}' is {job.State.ToWire()}; only a dead job can be retried.", "id"));
    }

    private static Task<Job?> FindAsync(string id, IJobStore store, RequestTenant tenant, CancellationToken cancellationToken) =>
        Guid.TryParse(id, CultureInfo.InvariantCulture, out var jobId)
            ? store.FindAsync(tenant.Id, jobId, cancellationToken)
            : Task.FromResult<Job?>(null);

    private static ProblemHttpResult NotFound(HttpContext http, string id) =>
        TypedResults.Problem(ProblemWriter.Create(http, JobProblems.JobNotFound, $"Job '{(id.Length <= 64 ? id : id[..64] + "...")}' does not exist.", "id"));
}
