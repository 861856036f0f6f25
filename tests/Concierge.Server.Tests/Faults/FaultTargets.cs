namespace Concierge.Server.Tests.Faults;

/// <summary>
/// The server processes the load is spread over, round robin, as a load balancer would: one that
/// is taken down is skipped from then on (requests already sent to it fail on their own).
/// </summary>
public sealed class FaultTargets(IReadOnlyList<(HttpClient Public, HttpClient Operator)> instances)
{
    private readonly bool[] _down = new bool[instances.Count];
    private int _next = -1;

    public void Down(int instance) => Volatile.Write(ref _down[instance], true);

    /// <summary>The next live instance's index and clients.</summary>
    public (int Index, HttpClient Public, HttpClient Operator) Next()
    {
        for (var tries = 0; tries < instances.Count * 2; tries++)
        {
            var i = (int)((uint)Interlocked.Increment(ref _next) % (uint)instances.Count);
            if (!Volatile.Read(ref _down[i]))
            {
                return (i, instances[i].Public, instances[i].Operator);
            }
        }

        throw new InvalidOperationException("Every instance is down.");
    }
}
