namespace Concierge.Bench.Load;

/// <summary>
/// One virtual user's requests: <see cref="Next"/> builds the next request (a fresh message each
/// time, because HttpRequestMessage cannot be sent twice). Each user owns its own state (its session).
/// </summary>
public interface IRequestSource
{
    HttpRequestMessage Next(int user);

    /// <summary>
    /// How long a user pauses after an answer before its next request, on average (each pause is
    /// drawn between half and one and a half of it, so that users do not march in step). Zero: at once.
    /// </summary>
    TimeSpan ThinkTime => TimeSpan.Zero;
}

public sealed class RequestSource(Func<int, HttpRequestMessage> next) : IRequestSource
{
    public TimeSpan ThinkTime { get; init; }

    public HttpRequestMessage Next(int user) => next(user);
}
