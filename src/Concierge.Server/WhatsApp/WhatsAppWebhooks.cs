using Concierge.Server.WhatsApp;
using System.Text;
using System.Text.Json;
using Concierge.Server.Errors;
using Concierge.Server.Templates;
using Concierge.Templates;
using Concierge.Server.Channels;
using Concierge.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.WhatsApp;

/// <summary>What a webhook delivery did (for logs and tests; Meta only needs the 200).</summary>
public sealed record WebhookReceipt(int Applied, int Duplicates, int Unmatched, int Skipped);

/// <summary>
/// Meta's WhatsApp webhook: the GET verification handshake and the signed POST deliveries, of
/// which the template status updates are acted on today. Every POST with a valid signature gets
/// 200, even when nothing matched or the body could not be read (logged as a warning): Meta
/// retries any other answer for up to 7 days, and a retry would change nothing.
/// </summary>
public static class WhatsAppWebhooks
{
    public const string Path = "/webhooks/whatsapp";

    public static RouteGroupBuilder MapWhatsAppWebhooks(this IEndpointRouteBuilder routes, long maxBodyBytes = 4 * 1024 * 1024)
    {
        // Signed by Meta (X-Hub-Signature-256), not by a Concierge caller.
        var group = routes.MapGroup(Path).WithTags("Webhooks").AllowAnonymous();
        group.MapGet("/", Verify)
            .WithSummary("Meta's verification handshake: echoes hub.challenge when hub.mode is subscribe and hub.verify_token matches WHATSAPP_VERIFY_TOKEN.");
        // Meta's payloads reach 3 MB (FACTS.md §2.3): more than the API's default limit.
        group.MapPost("/", ReceiveAsync).WithBodyLimit(maxBodyBytes).WithBodyDocument<WhatsAppNotification>("application/json")
            .WithSummary("Meta's webhook deliveries, signed with X-Hub-Signature-256 (HMAC-SHA256 of the raw body with an account's app secret): template status updates, inbound messages (each a durable job, deduplicated by wamid) and message statuses.");
        return group;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Verify(
        HttpContext http, IWhatsAppAccounts accounts, ChannelAccountDirectory directory, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var tokens = (await directory.AllAsync(cancellationToken))
            .Where(a => a.Provider == Concierge.Channels.ChannelProviders.WhatsApp && !a.IsConfigured && a.Secrets.VerifyToken is not null)
            .Select(a => a.Secrets.VerifyToken!).ToList();
        var account = accounts.ForWebhook();
        if (account.VerifyToken is null && tokens.Count > 0)
        {
            account = account with { VerifyToken = tokens[0] };
        }

        tokens.Add(account.VerifyToken ?? string.Empty);
        var query = http.Request.Query;
        var mode = query["hub.mode"].ToString();
        var token = query["hub.verify_token"];
        var challenge = query["hub.challenge"];
        if (account.VerifyToken is null)
        {
            loggers.CreateLogger(typeof(WhatsAppWebhooks).FullName!).LogWarning("WhatsApp webhook verification refused: WHATSAPP_VERIFY_TOKEN is not set");
            return Problem(http, TemplateProblems.WebhookForbidden, "Webhook verification needs WHATSAPP_VERIFY_TOKEN (or Concierge:WhatsApp:VerifyToken) to be set.");
        }

        if (mode != "subscribe" || token.Count != 1 || !tokens.Where(t => t.Length > 0).Select(t => HubSignature.SecretEquals(t, token[0])).ToArray().Any(x => x))
        {
            loggers.CreateLogger(typeof(WhatsAppWebhooks).FullName!).LogWarning("WhatsApp webhook verification refused: wrong hub.mode or hub.verify_token");
            return Problem(http, TemplateProblems.WebhookForbidden, "hub.mode must be 'subscribe' and hub.verify_token must match the configured verify token.");
        }

        if (challenge.Count != 1 || string.IsNullOrEmpty(challenge[0]) || challenge[0]!.Length > 1024)
        {
            return Problem(http, Errors.Problem.BadRequest, "hub.challenge is required (at most 1024 characters).", "hub.challenge");
        }

        return TypedResults.Text(challenge[0]!, "text/plain", Encoding.UTF8);
    }

    private static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveAsync(
        HttpContext http, IWhatsAppAccounts accounts, ITemplateStore templates, ChannelAccountDirectory directory, ChannelIntake intake, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(WhatsAppWebhooks).FullName!);
        var account = accounts.ForWebhook();
        var stored = (await directory.AllAsync(cancellationToken))
            .Where(a => a.Provider == Concierge.Channels.ChannelProviders.WhatsApp && !a.IsConfigured && a.Secrets.AppSecret is not null).ToList();

        // The exact bytes: the signature is over them, not over any re-serialised JSON.
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);

        if (account.AppSecret is null && stored.Count == 0)
        {
            logger.LogWarning("WhatsApp webhook delivery refused: WHATSAPP_APP_SECRET is not set, so its signature cannot be checked");
            return Problem(http, TemplateProblems.WebhookSignature, "The signature cannot be checked: WHATSAPP_APP_SECRET (or Concierge:WhatsApp:AppSecret) is not set.");
        }

        // Signature first, over every app secret an account has (each compared in constant time):
        // nothing of the body is read before one matches.
        var signatures = http.Request.Headers[HubSignature.Header];
        var secrets = stored.Select(a => a.Secrets.AppSecret!).Append(account.AppSecret).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var matched = signatures.Count == 1 ? secrets.FirstOrDefault(secret => HubSignature.IsValid(secret, body.Span, signatures[0])) : null;
        if (matched is null)
        {
            logger.LogWarning("WhatsApp webhook delivery refused: {Reason} {Header}", signatures.Count == 0 ? "no" : "a wrong or malformed", HubSignature.Header);
            return Problem(http, TemplateProblems.WebhookSignature, $"{HubSignature.Header} must be 'sha256=' and the hex HMAC-SHA256 of the raw body under the app secret.");
        }

        IReadOnlyList<TemplateStatusEvent> events;
        int skipped;
        try
        {
            (events, skipped) = TemplateStatusEvents.Read(body.Span);
        }
        catch (JsonException e)
        {
            // Signed by Meta yet unreadable: answering otherwise would only make Meta resend it for days.
            logger.LogWarning("A signed WhatsApp webhook delivery of {Length} bytes is not JSON ({Error}); ignored", body.Length, e.Message);
            return TypedResults.Ok(new WebhookReceipt(0, 0, 0, 1));
        }

        var channel = await intake.AcceptWhatsAppAsync(body, matched, cancellationToken);
        int applied = channel.Applied, duplicates = channel.Duplicates, unmatched = channel.Unmatched;
        skipped += channel.Skipped;
        foreach (var (wabaId, update) in events)
        {
            var owner = stored.FirstOrDefault(a => a.WabaId is not null && a.WabaId == wabaId && a.Secrets.AppSecret == matched);
            if (owner is not null)
            {
                await templates.ApplyStatusUpdateAsync(owner.TenantId, update, cancellationToken);
                applied++;
                continue;
            }

            if (matched != account.AppSecret || (account.WabaId is not null && wabaId is not null && wabaId != account.WabaId))
            {
                logger.LogWarning("Ignored a template status event for WABA {WabaId}, not the configured one", wabaId);
                unmatched++;
                continue;
            }

            var outcome = await templates.ApplyStatusUpdateAsync(account.TenantId, update, cancellationToken);
            logger.LogInformation(
                "Template status event {Status} for Meta template {MetaId} ({Name}, {Language}), reason {Reason}: {Outcome}",
                update.Status.ToWire(), update.MetaTemplateId, update.Name, update.Language, update.Reason, outcome);
            switch (outcome)
            {
                case TemplateUpdateOutcome.Applied:
                    applied++;
                    break;
                case TemplateUpdateOutcome.Duplicate or TemplateUpdateOutcome.Stale:
                    duplicates++;
                    break;
                default:
                    unmatched++;
                    break;
            }
        }

        return TypedResults.Ok(new WebhookReceipt(applied, duplicates, unmatched, skipped));
    }

    private static ProblemHttpResult Problem(HttpContext http, Problem problem, string detail, string? field = null) =>
        TypedResults.Problem(ProblemWriter.Create(http, problem, detail, field));
}

/// <summary>Meta's delivery envelope, for the OpenAPI document; the handler verifies the signature over the raw bytes, then reads them.</summary>
public sealed record WhatsAppNotification(string? Object, IReadOnlyList<System.Text.Json.JsonElement>? Entry);
