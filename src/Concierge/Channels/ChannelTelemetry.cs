using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Concierge.Channels;

/// <summary>
/// Deliveries of outbound channel messages (WhatsApp, Twilio SMS...), by channel and the state the
/// provider reported (sent, delivered, read, failed, undelivered...). The channel adapters call
/// <see cref="RecordDelivery"/>; the host exports the meter on /metrics as
/// <c>concierge_channel_deliveries_total{channel,state}</c>.
/// </summary>
public static class ChannelTelemetry
{
    public const string Name = "Concierge.Channels";

    public static readonly Meter Meter = new(Name);

    /// <summary>Delivery state changes, by <c>channel</c> and <c>state</c>.</summary>
    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "concierge.channel.deliveries", "{delivery}", "Outbound message delivery states reported by channel providers, by channel and state.");

    /// <summary>Counts one delivery state: <paramref name="channel"/> like "whatsapp" or "twilio", <paramref name="state"/> as the provider names it, lower case.</summary>
    public static void RecordDelivery(string channel, string state) =>
        Deliveries.Add(1, new TagList { { "channel", channel.ToLowerInvariant() }, { "state", state.ToLowerInvariant() } });
}
