namespace Concierge.Server.Streaming;

/// <summary>How streamed turns behave on the wire.</summary>
public sealed class StreamingOptions
{
    public const string HeartbeatKey = "Concierge:Streaming:Heartbeat";
    public const string HeartbeatAlias = "STREAM_HEARTBEAT";

    /// <summary>STREAM_HEARTBEAT: a comment line this often while the model thinks, so proxies keep the stream open.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    public static readonly IReadOnlyList<SettingAlias> Aliases = [new(HeartbeatAlias, HeartbeatKey)];

    public static StreamingOptions Bind(IConfiguration configuration)
    {
        var heartbeat = Settings.Duration(configuration, HeartbeatKey, TimeSpan.FromSeconds(15));
        return heartbeat >= TimeSpan.FromMilliseconds(100) && heartbeat <= TimeSpan.FromMinutes(5)
            ? new StreamingOptions { Heartbeat = heartbeat }
            : throw new InvalidSettingException(Settings.Find(configuration, HeartbeatKey).Name, "must be between 100ms and 5m");
    }
}
