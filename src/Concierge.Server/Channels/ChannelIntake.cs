using System.Text.Json.Nodes;
using Concierge.Alerts;
using Concierge.Channels;
using Concierge.Jobs;
using Concierge.Storage.Channels;

namespace Concierge.Server.Channels;

/// <summary>What one delivery of inbound messages and statuses did.</summary>
public sealed record IntakeReceipt(int Applied, int Duplicates, int Unmatched, int Skipped);

/// <summary>
/// What a webhook does with a signed delivery, before it answers: each message becomes a row keyed
/// by its channel id and a <see cref="JobKinds.ChannelInbound"/> job (one transaction; a redelivery
/// writes nothing), each status moves its delivery forward. Turns and replies run in the job.
/// </summary>
public sealed class ChannelIntake(SqlChannelStore store, ChannelAccountDirectory directory, ILogger<ChannelIntake> logger)
{
    public async Task<IntakeReceipt> AcceptWhatsAppAsync(ReadOnlyMemory<byte> body, string matchedSecret, CancellationToken cancellationToken)
    {
        IReadOnlyList<WhatsAppMessage> messages;
        IReadOnlyList<WhatsAppStatus> statuses;
        int skipped;
        try
        {
            (messages, statuses, skipped) = WhatsAppInbound.Read(body.Span);
        }
        catch (System.Text.Json.JsonException)
        {
            return new IntakeReceipt(0, 0, 0, 0);
        }

        int applied = 0, duplicates = 0, unmatched = 0;
        foreach (var message in messages)
        {
            var account = await directory.ByAddressAsync(ChannelProviders.WhatsApp, message.PhoneNumberId, cancellationToken);
            if (account is null || account.Secrets.AppSecret != matchedSecret)
            {
                // Never the message text: only which number it was for.
                logger.LogWarning("Ignored a WhatsApp message for phone number id {PhoneNumberId}: no account of this app has that number", Cut(message.PhoneNumberId));
                unmatched++;
                continue;
            }

            if (message.DisplayNumber is not null && Digits(message.From) == Digits(message.DisplayNumber))
            {
                logger.LogWarning("Ignored a WhatsApp message from the business's own number {PhoneNumberId}", Cut(message.PhoneNumberId));
                skipped++;
                continue;
            }

            var key = WhatsAppInbound.Key(message.Id);
            var job = new JobRequest(
                JobKinds.ChannelInbound,
                new JsonObject
                {
                    ["provider"] = ChannelProviders.WhatsApp,
                    ["key"] = key,
                    ["account_id"] = account.Id.ToString(),
                    ["from"] = Cut(message.From, 64),
                    ["name"] = message.ProfileName is { } n ? Cut(n, 100) : null,
                    ["type"] = Cut(message.Type, 40),
                    ["kind"] = message.Kind,
                    ["text"] = message.Text,
                    ["detail"] = message.Detail is { } d ? Cut(d, 40) : null,
                    ["at"] = message.Timestamp?.ToUnixTimeSeconds(),
                },
                DedupKey: "in:" + key);
            if (await store.AcceptInboundAsync(ChannelProviders.WhatsApp, key, account.TenantId, account.Id, "queued", job, cancellationToken))
            {
                applied++;
            }
            else
            {
                logger.LogInformation("WhatsApp message {Key} was delivered again; already taken", Cut(key, 80));
                duplicates++;
            }
        }

        foreach (var status in statuses)
        {
            var (state, known) = status.Status switch
            {
                "sent" => (DeliveryStates.Sent, true),
                "delivered" => (DeliveryStates.Delivered, true),
                "read" or "played" => (DeliveryStates.Read, true),
                "failed" => (DeliveryStates.Failed, true),
                _ => (string.Empty, false),
            };
            if (!known)
            {
                skipped++;
                continue;
            }

            var moved = await store.ApplyStatusAsync(ChannelProviders.WhatsApp, status.Id, state, status.ErrorCode, status.ErrorTitle, cancellationToken);
            if (moved is null)
            {
                duplicates++;
                continue;
            }

            applied++;
            if (state == DeliveryStates.Failed)
            {
                await FailedAsync(moved, status.ErrorCode, status.ErrorTitle, cancellationToken);
            }
        }

        return new IntakeReceipt(applied, duplicates, unmatched, skipped);
    }

    /// <summary>
    /// A delivery a status webhook reports failed. When the provider says the window had closed
    /// (131047, Twilio 63016) after a free-form message went out, the message is sent once more as
    /// the window template by a channel.send job (its dedup key is per delivery: a repeated status
    /// makes no second one), which holds it and raises the alert when no template is approved.
    /// Any other failure: the operators hear of it.
    /// </summary>
    public Task FailedAsync(OutboundRow delivery, int? code, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (code is ChannelSendHandler.WindowClosedGraph or ChannelSendHandler.WindowClosedTwilio && delivery.Kind != ChannelSendHandler.TemplateKind)
        {
            logger.LogInformation("Delivery {DeliveryId} failed as the window had closed ({Code}); sending it again as the window template", delivery.Id, code);
            var job = new JobRequest(
                JobKinds.ChannelSend,
                new JsonObject { ["delivery_id"] = delivery.Id.ToString(), [ChannelSendHandler.AsTemplate] = true },
                DedupKey: "resend:" + delivery.Id,
                SessionId: delivery.SessionId);
            return store.EnqueueAsync(delivery.TenantId, job, cancellationToken);
        }

        return RaiseAsync(delivery, code, detail, cancellationToken);
    }

    /// <summary>The operators hear of a message that will not arrive (one alert per delivery).</summary>
    public Task RaiseAsync(OutboundRow delivery, int? code, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var alert = new Alert(
            "channel.delivery_failed",
            "warning",
            $"A {delivery.Provider} message could not be delivered{(code is null ? string.Empty : $" (error {code})")}.",
            delivery.TenantId,
            delivery.SessionId,
            new JsonObject
            {
                ["delivery_id"] = delivery.Id.ToString(),
                ["provider"] = delivery.Provider,
                ["error_code"] = code,
                ["error"] = detail is null ? null : Cut(detail, 200),
            });
        return store.EnqueueAsync(delivery.TenantId, alert.ToJob("delivery:" + delivery.Id), cancellationToken);
    }

    internal static string Cut(string text, int max = 40) => text.Length <= max ? text : text[..max] + "...";

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);
}
