using Concierge.Conversations;
using Concierge.Storage.Effects;

namespace Concierge.Storage.Channels;

/// <summary>
/// A channel's inbound message answered by the turn that carries this effect: its row leaves the
/// queue and the reply <paramref name="MessageId"/> is queued for the customer (or handed to the
/// waiting Twilio webhook), in the turn's transaction. A job run again after a crash then finds
/// the message answered and takes no second turn.
/// </summary>
public sealed record InboundAnswered(string Provider, string ExternalKey, NewOutbound Reply, Guid MessageId) : Effect;

/// <summary>Writes <see cref="InboundAnswered"/>; a message answered already refuses the turn (<see cref="InboundAlreadyAnsweredException"/>).</summary>
public sealed class InboundAnsweredWriter(SqlChannelStore store) : EffectWriter<InboundAnswered>
{
    protected override Task WriteAsync(EffectWriteContext context, InboundAnswered effect) =>
        store.AnswerInboundAsync(context.Connection, context.Transaction, effect.Provider, effect.ExternalKey, effect.Reply, effect.MessageId, context.CancellationToken);
}

/// <summary>
/// The inbound message was answered by an earlier run of its job (one that crashed after its commit,
/// or one still running elsewhere when its claim was taken over): nothing of this answer is written.
/// </summary>
public sealed class InboundAlreadyAnsweredException(string provider, string externalKey)
    : Exception($"The {provider} message {externalKey} was answered already.")
{
    public string Provider { get; } = provider;

    public string ExternalKey { get; } = externalKey;
}
