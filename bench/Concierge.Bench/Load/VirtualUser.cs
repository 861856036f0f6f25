namespace Concierge.Bench.Load;

/// <summary>
/// One virtual user's requests: <see cref="Next"/> builds the next request (a fresh message each
/// time, because HttpRequestMessage cannot be sent twice). Each user owns its own state (its session).
/// </summary>
public interface IRequestSource
{
    HttpRequestMessage Next(int user);
}

public sealed class RequestSource(Func<int, HttpRequestMessage> next) : IRequestSource
{
    public HttpRequestMessage Next(int user) => next(user);
}
