using Concierge.Conversations;

namespace Concierge.Tests.Conversations;

public class SessionGateTests
{
    [Fact]
    public async Task Turns_of_one_session_run_one_at_a_time_in_arrival_order()
    {
        var gate = new SessionGate();
        var session = Guid.NewGuid();
        var order = new List<int>();
        var running = 0;
        var overlapped = false;

        var first = await gate.EnterAsync(session, CancellationToken.None);
        var waiters = Enumerable.Range(1, 20).Select(async i =>
        {
            // Arrival order is the order the waits start, which Select enumerates in sequence.
            var entered = gate.EnterAsync(session, CancellationToken.None);
            await using var ticket = await entered;
            overlapped |= Interlocked.Increment(ref running) > 1;
            lock (order)
            {
                order.Add(i);
            }

            await Task.Yield();
            Interlocked.Decrement(ref running);
        }).ToList();

        await first.DisposeAsync();
        await Task.WhenAll(waiters);

        Assert.False(overlapped);
        Assert.Equal(Enumerable.Range(1, 20), order);
        Assert.Equal(0, gate.ActiveSessions);
    }

    [Fact]
    public async Task Different_sessions_do_not_wait_for_each_other()
    {
        var gate = new SessionGate();
        await using var a = await gate.EnterAsync(Guid.NewGuid(), CancellationToken.None);

        var b = gate.EnterAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.True(b.IsCompletedSuccessfully);
        await (await b).DisposeAsync();
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_gate_usable()
    {
        var gate = new SessionGate();
        var session = Guid.NewGuid();
        var held = await gate.EnterAsync(session, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync(session, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await held.DisposeAsync();

        await using var again = await gate.EnterAsync(session, CancellationToken.None);
        Assert.Equal(1, gate.ActiveSessions);
    }
}
