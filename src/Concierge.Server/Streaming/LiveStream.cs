using Concierge.Streams;

namespace Concierge.Server.Streaming;

/// <summary>
/// The events of a turn this process is streaming right now, held once however many clients read
/// them. The turn appends and never waits; each reader keeps only its own position (the last
/// sequence number it wrote), so a slow reader costs a number, not a queue. The hub writes the
/// events to the database in batches, for resumes on any instance.
/// </summary>
public sealed class LiveStream
{
    private readonly object _lock = new();
    private readonly List<TurnStreamEvent> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TurnStreamStatus _status = TurnStreamStatus.Running;
    private DateTimeOffset _expiresAt;
    private DateTimeOffset _updatedAt;
    private int _persisted;
    private bool _created;
    private TurnStreamStatus _persistedStatus = TurnStreamStatus.Running;
    private DateTimeOffset _lastWrite;

    internal LiveStream(Guid id, Guid tenantId, Guid sessionId, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Id = id;
        TenantId = tenantId;
        SessionId = sessionId;
        StartedAt = now;
        _updatedAt = now;
        _expiresAt = expiresAt;
    }

    public Guid Id { get; }

    public Guid TenantId { get; }

    public Guid SessionId { get; }

    public DateTimeOffset StartedAt { get; }

    public bool IsEnded
    {
        get
        {
            lock (_lock)
            {
                return _status != TurnStreamStatus.Running;
            }
        }
    }

    /// <summary>Whether the stream ended and every event is in the database (the hub may forget it).</summary>
    internal bool IsSettled
    {
        get
        {
            lock (_lock)
            {
                return _status != TurnStreamStatus.Running && _created && _persisted == _events.Count && _persistedStatus == _status;
            }
        }
    }

    /// <summary>Adds the next event; returns its sequence number. Appending after the end is ignored (returns 0).</summary>
    public int Append(string? name, string data)
    {
        TaskCompletionSource changed;
        int seq;
        lock (_lock)
        {
            if (_status != TurnStreamStatus.Running)
            {
                return 0;
            }

            seq = _events.Count + 1;
            _events.Add(new TurnStreamEvent(seq, name, data));
            changed = Swap();
        }

        changed.SetResult();
        return seq;
    }

    /// <summary>The last event was appended: readers finish once they wrote it.</summary>
    public void End(TurnStreamStatus status, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            if (_status != TurnStreamStatus.Running)
            {
                return;
            }

            _status = status;
            _updatedAt = now;
            _expiresAt = expiresAt;
            changed = Swap();
        }

        changed.SetResult();
    }

    /// <summary>The events after <paramref name="seq"/>, whether the stream ended, and a task that completes at the next change.</summary>
    public (IReadOnlyList<TurnStreamEvent> Events, bool Ended, Task Changed) ReadAfter(int seq)
    {
        lock (_lock)
        {
            var from = Math.Clamp(seq, 0, _events.Count);
            var events = from == _events.Count ? [] : _events.GetRange(from, _events.Count - from);
            return (events, _status != TurnStreamStatus.Running, _changed.Task);
        }
    }

    /// <summary>How many events there are now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _events.Count;
            }
        }
    }

    public TurnStreamInfo Info()
    {
        lock (_lock)
        {
            return new TurnStreamInfo(Id, TenantId, SessionId, _status, _events.Count, StartedAt, _updatedAt, _expiresAt);
        }
    }

    /// <summary>What the next flush writes: nothing when all is written and the owner wrote recently.</summary>
    internal TurnStreamWrite? Pending(DateTimeOffset now, TimeSpan touchEvery, DateTimeOffset runningExpiry)
    {
        lock (_lock)
        {
            var fresh = _persisted < _events.Count || !_created || _persistedStatus != _status;
            if (!fresh && (_status != TurnStreamStatus.Running || now - _lastWrite < touchEvery))
            {
                return null;
            }

            if (_status == TurnStreamStatus.Running)
            {
                _updatedAt = now;
                _expiresAt = runningExpiry;
            }

            var info = new TurnStreamInfo(Id, TenantId, SessionId, _status, _events.Count, StartedAt, _updatedAt, _expiresAt);
            return new TurnStreamWrite(info, !_created, _events.GetRange(_persisted, _events.Count - _persisted));
        }
    }

    /// <summary>The flush of <paramref name="write"/> committed.</summary>
    internal void Written(TurnStreamWrite write, DateTimeOffset now)
    {
        lock (_lock)
        {
            _created = true;
            _persisted = Math.Max(_persisted, write.Stream.LastSeq);
            _persistedStatus = write.Stream.Status;
            _lastWrite = now;
        }
    }

    private TaskCompletionSource Swap()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return changed;
    }
}
