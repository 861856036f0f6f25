namespace Concierge.Server.Streaming;

/// <summary>How streamed turns behave on the wire, and how long their events are kept for a resume.</summary>
public sealed class StreamingOptions
{
    public const string HeartbeatKey = "Concierge:Streaming:Heartbeat";
    public const string HeartbeatAlias = "STREAM_HEARTBEAT";
    public const string RetentionKey = "Concierge:Streaming:Retention";
    public const string RetentionAlias = "STREAM_RETENTION";
    public const string FlushIntervalKey = "Concierge:Streaming:FlushInterval";
    public const string PollIntervalKey = "Concierge:Streaming:PollInterval";
    public const string MaxFrameBytesKey = "Concierge:Streaming:MaxFrameBytes";

    /// <summary>STREAM_HEARTBEAT: a comment line this often while the model thinks, so proxies keep the stream open.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>STREAM_RETENTION: how long after a turn ended its events can still be resumed.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often new events of running streams are written to the database (batched across streams).</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often a resume of a stream that runs on another instance looks for new events.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The largest WebSocket message a client may send.</summary>
    public int MaxFrameBytes { get; init; } = 64 * 1024;

    /// <summary>A running stream whose owner has not written for this long is lost (its process died).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    /// <summary>How often the owner of a running stream writes that it is alive while nothing else is written.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromSeconds(5);

    public static readonly IReadOnlyList<SettingAlias> Aliases = [new(HeartbeatAlias, HeartbeatKey), new(RetentionAlias, RetentionKey)];

    public static StreamingOptions Bind(IConfiguration configuration)
    {
        var heartbeat = Settings.Duration(configuration, HeartbeatKey, TimeSpan.FromSeconds(15));
        Check(configuration, heartbeat, HeartbeatKey, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), "100ms and 5m");
        var retention = Settings.Duration(configuration, RetentionKey, TimeSpan.FromMinutes(10));
        Check(configuration, retention, RetentionKey, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1), "10s and 1d");
        var flush = Settings.Duration(configuration, FlushIntervalKey, TimeSpan.FromMilliseconds(50));
        Check(configuration, flush, FlushIntervalKey, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(5), "5ms and 5s");
        var poll = Settings.Duration(configuration, PollIntervalKey, TimeSpan.FromMilliseconds(250));
        Check(configuration, poll, PollIntervalKey, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10), "10ms and 10s");
        var frame = Settings.Int(configuration, MaxFrameBytesKey, 64 * 1024);
        if (frame is < 1024 or > 16 * 1024 * 1024)
        {
            throw new InvalidSettingException(MaxFrameBytesKey, "must be between 1024 and 16777216 bytes");
        }

        return new StreamingOptions { Heartbeat = heartbeat, Retention = retention, FlushInterval = flush, PollInterval = poll, MaxFrameBytes = frame };
    }

    private static void Check(IConfiguration configuration, TimeSpan value, string key, TimeSpan min, TimeSpan max, string range)
    {
        if (value < min || value > max)
        {
            throw new InvalidSettingException(Settings.Find(configuration, key).Name, $"must be between {range}");
        }
    }
}
