using System.Text.Json.Nodes;
using Concierge.Channels;
using Concierge.Conversations;
using Concierge.Jobs;
using Concierge.Server.WhatsApp;
using Concierge.Storage.Channels;

namespace Concierge.Server.Channels;

/// <summary>
/// Runs channel.send: one outbound message with the customer service window rule. Inside the window
/// (the customer wrote less than WHATSAPP_WINDOW ago) it goes as free text, with buttons (up to 3
/// choices) or a list (up to 10) on WhatsApp; outside it, or when the provider says the window is
/// closed (Graph 131047, Twilio 63016), it goes as the account's approved template, or is held and
/// reported when there is none. 429, 5xx, timeouts retry with the job's backoff; any other error,
/// and the last failed attempt, are recorded on the delivery and raise an alert.
/// </summary>
public sealed class ChannelSendHandler(
    SqlChannelStore store,
    ChannelAccountDirectory directory,
    ChannelIntake intake,
    GraphApiClient graph,
    TwilioRestClient twilio,
    WhatsAppSettings whatsApp,
    ChannelSettings settings,
    TimeProvider clock,
    ILogger<ChannelSendHandler> logger) : IJobHandler
{
    public const int WindowClosedGraph = 131047;
    public const int WindowClosedTwilio = 63016;

    /// <summary>The delivery's kind once it went as the window template.</summary>
    public const string TemplateKind = "template";

    /// <summary>Payload flag of the one re-send, as the window template, of a delivery reported failed with a closed window.</summary>
    public const string AsTemplate = "as_template";

    // Meta's limits on interactive messages (FACTS.md): 3 buttons of 20 characters, list rows of 24, a body of 1024.
    private const int MaxButtons = 3;
    private const int ButtonTitleLimit = 20;
    private const int RowTitleLimit = 24;
    private const int InteractiveBodyLimit = 1024;

    public string Kind => JobKinds.ChannelSend;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse((string?)context.Payload["delivery_id"], out var id))
        {
            throw new PermanentJobFailure("The payload has no delivery id.");
        }

        var row = await store.OutboundAsync(context.TenantId, id, cancellationToken);
        var resend = context.Payload[AsTemplate] is JsonValue flag && flag.TryGetValue<bool>(out var asTemplate) && asTemplate;
        if (row is null || (resend ? row.Delivery != DeliveryStates.Failed || row.Kind == TemplateKind : row.Delivery != DeliveryStates.Queued))
        {
            return;
        }

        var account = await directory.ByIdAsync(row.AccountId, cancellationToken);
        if (account is null || account.TenantId != row.TenantId)
        {
            await FailAsync(row, null, "The channel account was removed.", cancellationToken);
            return;
        }

        var contact = await store.ContactAsync(account.Id, row.Recipient, cancellationToken);
        var open = contact is not null && clock.GetUtcNow() - contact.LastInboundAt < settings.Window;
        var last = context.Attempt >= SqlChannelStore.SendAttempts;
        try
        {
            if (resend)
            {
                await TemplateOrHoldAsync(account, row, row.ErrorCode ?? (account.Provider == ChannelProviders.WhatsApp ? WindowClosedGraph : WindowClosedTwilio), cancellationToken);
                return;
            }

            if (!open)
            {
                await TemplateOrHoldAsync(account, row, account.Provider == ChannelProviders.WhatsApp ? WindowClosedGraph : WindowClosedTwilio, cancellationToken);
                return;
            }

            var (kind, sent) = await SendTextAsync(account, row, cancellationToken);
            await store.SetOutboundAsync(row.Id, kind, DeliveryStates.Sent, sent, null, null, cancellationToken);
            ChannelTelemetry.RecordDelivery(row.Provider, DeliveryStates.Sent);
        }
        catch (GraphApiException e) when (e.Code == WindowClosedGraph)
        {
            await TemplateOrHoldAsync(account, row, WindowClosedGraph, cancellationToken);
        }
        catch (TwilioApiException e) when (e.Code == WindowClosedTwilio)
        {
            await TemplateOrHoldAsync(account, row, WindowClosedTwilio, cancellationToken);
        }
        catch (Exception e) when (Transient(e) && !last)
        {
            logger.LogWarning("Sending delivery {DeliveryId} failed for now ({Error}); attempt {Attempt} of {Max}", row.Id, e.Message, context.Attempt, SqlChannelStore.SendAttempts);
            // A re-send leaves the row failed until it is sent: its retry looks for a failed row.
            if (!resend)
            {
                await store.SetOutboundAsync(row.Id, row.Kind, DeliveryStates.Queued, null, Code(e), e.Message, cancellationToken);
                ChannelTelemetry.RecordDelivery(row.Provider, DeliveryStates.Queued);
            }

            throw;
        }
        catch (Exception e) when (e is GraphApiException or GraphTimeoutException or GraphUnreachableException or TwilioApiException)
        {
            await FailAsync(row, Code(e), e.Message, cancellationToken);
        }
    }

    private async Task<(string Kind, string ExternalId)> SendTextAsync(ChannelAccount account, OutboundRow row, CancellationToken cancellationToken)
    {
        if (account.Provider == ChannelProviders.Twilio)
        {
            var sid = await twilio.SendAsync(account.AccountSid ?? string.Empty, account.Secrets.AuthToken ?? string.Empty, TwilioForm(account, row, new() { ["Body"] = Limit(NumberedChoices.Append(row.Body, row.Choices), 1600) }), cancellationToken);
            return ("text", sid);
        }

        var (kind, payload) = WhatsAppPayload(row.Recipient, row.Body, row.Choices);
        return (kind, await SendGraphAsync(account, payload, cancellationToken));
    }

    private async Task TemplateOrHoldAsync(ChannelAccount account, OutboundRow row, int code, CancellationToken cancellationToken)
    {
        var approved = account.HasWindowTemplate
            && (account.Provider == ChannelProviders.Twilio || await store.TemplateApprovedAsync(account.TenantId, account.TemplateName!, account.TemplateLanguage!, cancellationToken));
        if (!approved)
        {
            const string Detail = "Outside the customer service window and no approved template is configured for it: held.";
            await store.SetOutboundAsync(row.Id, row.Kind, DeliveryStates.Held, null, code, Detail, cancellationToken);
            ChannelTelemetry.RecordDelivery(row.Provider, DeliveryStates.Held);
            await intake.RaiseAsync(row, code, Detail, cancellationToken);
            logger.LogWarning("Delivery {DeliveryId} held: the window is closed and the account has no approved template", row.Id);
            return;
        }

        // Template parameters may not hold new lines, tabs or runs of spaces (FACTS.md §2.6).
        var parameter = Limit(string.Join(' ', row.Body.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)), 1000);
        try
        {
            string id;
            if (account.Provider == ChannelProviders.Twilio)
            {
                var variables = new JsonObject { ["1"] = parameter }.ToJsonString();
                id = await twilio.SendAsync(account.AccountSid ?? string.Empty, account.Secrets.AuthToken ?? string.Empty,
                    TwilioForm(account, row, new() { ["ContentSid"] = account.TemplateName!, ["ContentVariables"] = variables }), cancellationToken);
            }
            else
            {
                var payload = Envelope(row.Recipient, "template", new JsonObject
                {
                    ["name"] = account.TemplateName,
                    ["language"] = new JsonObject { ["code"] = account.TemplateLanguage },
                    ["components"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "body",
                        ["parameters"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = parameter }),
                    }),
                });
                id = await SendGraphAsync(account, payload, cancellationToken);
            }

            await store.SetOutboundAsync(row.Id, TemplateKind, DeliveryStates.Sent, id, null, null, cancellationToken);
            ChannelTelemetry.RecordDelivery(row.Provider, DeliveryStates.Sent);
        }
        catch (Exception e) when (e is GraphApiException or TwilioApiException && !Transient(e))
        {
            await FailAsync(row with { Kind = TemplateKind }, Code(e), e.Message, cancellationToken);
        }
    }

    private Task<string> SendGraphAsync(ChannelAccount account, JsonObject payload, CancellationToken cancellationToken) =>
        graph.SendMessageAsync(whatsApp.GraphBaseUrl, whatsApp.GraphVersion, account.Address, account.Secrets.AccessToken ?? string.Empty, whatsApp.RequestTimeout, payload, cancellationToken);

    private async Task FailAsync(OutboundRow row, int? code, string detail, CancellationToken cancellationToken)
    {
        await store.SetOutboundAsync(row.Id, row.Kind, DeliveryStates.Failed, null, code, detail, cancellationToken);
        ChannelTelemetry.RecordDelivery(row.Provider, DeliveryStates.Failed);
        await intake.RaiseAsync(row, code, detail, cancellationToken);
        logger.LogWarning("Delivery {DeliveryId} failed for good (error {Code})", row.Id, code);
    }

    /// <summary>
    /// The Graph payload: text, or interactive buttons for up to 3 choices, a list for 4 to 10 (titles
    /// cut to 20 and 24 characters, ids kept whole: a tap comes back as the id, read as typed text),
    /// and numbered lines under the text for more than a list holds.
    /// </summary>
    public static (string Kind, JsonObject Payload) WhatsAppPayload(string recipient, string body, IReadOnlyList<ReplyChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var usable = choices
            .Where(c => c.Id.Length is > 0 and <= ReplyChoice.MaxIdLength && !string.IsNullOrWhiteSpace(c.Title))
            .DistinctBy(c => c.Id, StringComparer.Ordinal)
            .ToArray();
        if (usable.Length is > 0 and <= ReplyChoice.MaxCount && body.Length is > 0 and <= InteractiveBodyLimit)
        {
            if (usable.Length <= MaxButtons)
            {
                var buttons = new JsonArray([.. usable.Select(c => (JsonNode)new JsonObject
                {
                    ["type"] = "reply",
                    ["reply"] = new JsonObject { ["id"] = c.Id, ["title"] = c.TitleWithin(ButtonTitleLimit) },
                })]);
                return ("interactive", Envelope(recipient, "interactive", new JsonObject
                {
                    ["type"] = "button",
                    ["body"] = new JsonObject { ["text"] = body },
                    ["action"] = new JsonObject { ["buttons"] = buttons },
                }));
            }

            var rows = new JsonArray([.. usable.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["title"] = c.TitleWithin(RowTitleLimit) })]);
            return ("interactive", Envelope(recipient, "interactive", new JsonObject
            {
                ["type"] = "list",
                ["body"] = new JsonObject { ["text"] = body },
                ["action"] = new JsonObject
                {
                    ["button"] = "Choose",
                    ["sections"] = new JsonArray(new JsonObject { ["title"] = "Options", ["rows"] = rows }),
                },
            }));
        }

        return ("text", Envelope(recipient, "text", new JsonObject { ["preview_url"] = false, ["body"] = Limit(NumberedChoices.Append(body, usable), 4096) }));
    }

    private static JsonObject Envelope(string recipient, string type, JsonObject content) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        // Always with + and the country code (FACTS.md §2.6): wa_id is the number without +.
        ["to"] = recipient.All(char.IsAsciiDigit) ? "+" + recipient : recipient,
        ["type"] = type,
        [type] = content,
    };

    private Dictionary<string, string> TwilioForm(ChannelAccount account, OutboundRow row, Dictionary<string, string> content)
    {
        content["To"] = row.Recipient;
        content["From"] = account.Address;
        if (settings.PublicApiBase is { } root)
        {
            content["StatusCallback"] = root.AbsoluteUri.TrimEnd('/') + TwilioWebhooks.Path;
        }

        return content;
    }

    private static bool Transient(Exception e) => e switch
    {
        GraphApiException g => g.IsRateLimit || g.IsMetaFailure,
        GraphTimeoutException or GraphUnreachableException => true,
        TwilioApiException t => t.IsTransient,
        _ => false,
    };

    private static int? Code(Exception e) => e switch
    {
        GraphApiException g => g.Code ?? g.HttpStatus,
        TwilioApiException t => t.Code ?? (t.HttpStatus == 0 ? null : t.HttpStatus),
        _ => null,
    };

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
