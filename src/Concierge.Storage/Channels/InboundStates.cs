namespace Concierge.Storage.Channels;

/// <summary>States of an inbound row (channel_inbound.state).</summary>
public static class InboundStates
{
    /// <summary>A WhatsApp message waiting for its job.</summary>
    public const string Queued = "queued";

    /// <summary>A Twilio message whose webhook is still waiting to answer with TwiML.</summary>
    public const string Waiting = "waiting";

    /// <summary>The turn's reply is ready for the waiting Twilio webhook.</summary>
    public const string ReplyReady = "reply_ready";

    /// <summary>The Twilio webhook answered with the reply as TwiML.</summary>
    public const string Twiml = "twiml";

    /// <summary>The Twilio webhook gave up waiting (empty TwiML): the reply goes through the REST API.</summary>
    public const string Rest = "rest";

    /// <summary>Processed: the turn ran and its reply is queued (or there was nothing to answer).</summary>
    public const string Done = "done";
}
