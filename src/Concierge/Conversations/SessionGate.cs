using System.Collections.Concurrent;

namespace Concierge.Conversations;

/// <summary>
/// Lets one turn per session run at a time inside this process, in arrival order (SemaphoreSlim
/// queues its async waiters first in, first out). Across processes the store's lease does the same
/// job; this gate keeps the waiting in memory so that only one request per session polls the database.
/// </summary>
public sealed class SessionGate
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public async Task<IAsyncDisposable> EnterAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var entry = Retain(sessionId);
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(sessionId, entry, held: false);
            throw;
        }

        return new Ticket(this, sessionId, entry);
    }

    /// <summary>Whether a turn of the session is running or waiting in this process.</summary>
    public bool IsHeld(Guid sessionId) => _entries.ContainsKey(sessionId);

    /// <summary>Sessions with a turn running or waiting (for tests and metrics).</summary>
    public int ActiveSessions => _entries.Count;

    private Entry Retain(Guid sessionId)
    {
        while (true)
        {
            var entry = _entries.GetOrAdd(sessionId, static _ => new Entry());
            lock (entry)
            {
                // An entry whose last user just removed it must not be reused: take a fresh one.
                if (!entry.Removed)
                {
                    entry.Users++;
                    return entry;
                }
            }
        }
    }

    private void Release(Guid sessionId, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (entry)
        {
            if (--entry.Users == 0)
            {
                entry.Removed = true;
                _entries.TryRemove(new KeyValuePair<Guid, Entry>(sessionId, entry));
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
        public bool Removed { get; set; }
    }

    private sealed class Ticket(SessionGate gate, Guid sessionId, Entry entry) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Release(sessionId, entry, held: true);
            }

            return ValueTask.CompletedTask;
        }
    }
}
