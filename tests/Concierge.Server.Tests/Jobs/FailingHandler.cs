using Concierge.Jobs;

namespace Concierge.Server.Tests.Jobs;

/// <summary>Fails every attempt, saying which attempt it was.</summary>
public sealed class FailingHandler : IJobHandler
{
    public const string JobKind = "test.fail";

    public string Kind => JobKind;

    public Task HandleAsync(JobContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"boom {context.Attempt}");
}
