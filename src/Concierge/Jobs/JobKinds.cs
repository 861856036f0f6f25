namespace Concierge.Jobs;

/// <summary>
/// The job kinds Concierge knows, "area.verb". A row's kind picks its handler; a kind no handler
/// in the process claims goes dead with a clear error instead of looping.
/// </summary>
public static class JobKinds
{
    /// <summary>Deletes expired anonymous sessions (recurring housekeeping).</summary>
    public const string SessionsSweep = "sessions.sweep";

    /// <summary>Deletes the kept events of streamed turns past their retention (recurring housekeeping).</summary>
    public const string StreamsSweep = "streams.sweep";

    /// <summary>Deletes finished jobs past their retention (recurring housekeeping).</summary>
    public const string JobsPurge = "jobs.purge";

    /// <summary>Detects the emotion of a user message (the bookings issue).</summary>
    public const string EmotionDetect = "emotion.detect";

    /// <summary>Sends a scheduled follow-up, such as a reminder the day before (the bookings issue).</summary>
    public const string FollowUpSend = "followup.send";

    /// <summary>Reads, chunks and indexes an uploaded knowledge document too large to index during the upload.</summary>
    public const string KnowledgeIndex = "knowledge.index";

    /// <summary>Computes and stores the embeddings of a document's chunks (hybrid search, when EMBEDDINGS_MODEL is set).</summary>
    public const string KnowledgeEmbed = "knowledge.embed";

    /// <summary>Posts an <see cref="Alerts.Alert"/> to the operators' alert webhook (ALERT_WEBHOOK_URL).</summary>
    public const string AlertSend = "alert.send";

    /// <summary>Takes one inbound channel message (WhatsApp, Twilio) through the turn; keyed by the message's channel id.</summary>
    public const string ChannelInbound = "channel.inbound";

    /// <summary>Sends one outbound channel message (a reply, a follow-up, an operator's message) with the window rule.</summary>
    public const string ChannelSend = "channel.send";

    /// <summary>Geocodes a shop that has an address and no coordinates (retried while the provider fails).</summary>
    public const string ShopsGeocode = "shops.geocode";

    /// <summary>Deletes geocoding cache entries past their 90 days (recurring housekeeping).</summary>
    public const string GeocodingCleanup = "geocoding.cleanup";

    /// <summary>The tenant housekeeping jobs run under: they act across tenants and belong to none.</summary>
    public static readonly Guid SystemTenantId = Guid.Empty;
}
