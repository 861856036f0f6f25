using System.Collections.Specialized;
using System.Security;
using System.Text.Json.Nodes;
using Concierge.Channels;
using Concierge.Jobs;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Storage.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Twilio.Security;

namespace Concierge.Server.Channels;

/// <summary>
/// Twilio's messaging webhook (SMS, and WhatsApp through Twilio): form-encoded, signed with
/// <c>X-Twilio-Signature</c> over the public URL and the sorted parameters (checked with the Twilio
/// SDK's RequestValidator, which also accepts the URL with and without its default port). An
/// inbound message is deduplicated by MessageSid and taken by the same durable job as WhatsApp's; the
/// webhook waits up to TWILIO_REPLY_WITHIN for the reply and answers it as TwiML, or answers an empty
/// TwiML and the reply goes through Twilio's REST API. Status callbacks (MessageStatus) move deliveries.
/// </summary>
public static class TwilioWebhooks
{
    public const string Path = "/webhooks/twilio";
    public const string SignatureHeader = "X-Twilio-Signature";
    private const string EmptyTwiml = """<?xml version="1.0" encoding="UTF-8"?><Response />""";

    public static RouteGroupBuilder MapTwilioWebhooks(this IEndpointRouteBuilder routes)
    {
        // Signed by Twilio (X-Twilio-Signature), not by a Concierge caller.
        var group = routes.MapGroup(Path).WithTags("Webhooks").AllowAnonymous().WithBodyLimit(256 * 1024);
        group.MapPost("/", ReceiveAsync).WithBodyDocument<TwilioMessageForm>("application/x-www-form-urlencoded")
            .WithSummary("Twilio's messaging webhook (form-encoded, X-Twilio-Signature): inbound SMS/WhatsApp messages answered with TwiML, and status callbacks.");
        return group;
    }

    /// <summary>The URL Twilio signed: PUBLIC_API_BASE (behind a proxy) or the request's own, with the path and query.</summary>
    public static string SignedUrl(HttpRequest request, Uri? publicBase)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = publicBase is { } b ? b.AbsoluteUri.TrimEnd('/') : $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}";
        return root + request.Path.Value + request.QueryString.Value;
    }

    /// <summary>
    /// True when <paramref name="signature"/> is Twilio's for the URL and parameters under
    /// <paramref name="authToken"/>, the URL as given or with its port added or removed (Twilio signs
    /// either way, FACTS.md §3.2). The SDK's validator computes each; its own port handling does not
    /// vary a URL on .NET 10 (UriBuilder fills in the default port), so the variants are made here.
    /// </summary>
    public static bool IsValid(string authToken, string url, NameValueCollection parameters, string? signature)
    {
        if (signature is not { Length: > 0 })
        {
            return false;
        }

        var validator = new RequestValidator(authToken);
        return PortVariants(url).Select(u => validator.Validate(u, parameters, signature)).ToArray().Any(ok => ok);
    }

    /// <summary>The URL, and the same URL with its explicit port removed or its scheme's default port added; scheme and host keep their case.</summary>
    public static IReadOnlyList<string> PortVariants(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return [url];
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var colon = authority.LastIndexOf(':');
        if (colon >= 0 && authority.IndexOf(']', StringComparison.Ordinal) < colon)
        {
            return [url, url[..(authorityStart + colon)] + url[authorityEnd..]];
        }

        var port = url[..schemeEnd].Equals("https", StringComparison.OrdinalIgnoreCase) ? ":443" : ":80";
        return [url, url[..authorityEnd] + port + url[authorityEnd..]];
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveAsync(
        HttpContext http, ChannelAccountDirectory directory, SqlChannelStore store, ChannelIntake intake, ChannelSettings settings, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TwilioWebhooks).FullName!);
        var parameters = new NameValueCollection();
        if (http.Request.HasFormContentType)
        {
            try
            {
                foreach (var (name, values) in await http.Request.ReadFormAsync(cancellationToken))
                {
                    foreach (var value in values)
                    {
                        parameters.Add(name, value);
                    }
                }
            }
            catch (InvalidDataException)
            {
                return Problem(http, ChannelProblems.TwilioSignature, "The form could not be read, so its signature cannot be checked.");
            }
        }

        // The signature first: nothing is looked at before one of the auth tokens signs the request.
        var accounts = (await directory.AllAsync(cancellationToken)).Where(a => a.Provider == ChannelProviders.Twilio && a.Secrets.AuthToken is not null).ToList();
        var url = SignedUrl(http.Request, settings.PublicApiBase);
        var signature = http.Request.Headers[SignatureHeader];
        var token = signature.Count == 1
            ? accounts.Select(a => a.Secrets.AuthToken!).Distinct(StringComparer.Ordinal).FirstOrDefault(t => IsValid(t, url, parameters, signature[0]))
            : null;
        if (token is null)
        {
            logger.LogWarning("Twilio webhook refused: {Reason} {Header}", signature.Count == 0 ? "no" : "a wrong", SignatureHeader);
            return Problem(http, ChannelProblems.TwilioSignature, $"{SignatureHeader} must be Twilio's HMAC-SHA1 of {url} and the sorted parameters under an account's auth token.");
        }

        if (parameters["MessageStatus"] is { } status && parameters["MessageSid"] is { } statusSid)
        {
            var state = status.ToLowerInvariant() switch
            {
                "sent" => DeliveryStates.Sent,
                "delivered" => DeliveryStates.Delivered,
                "read" => DeliveryStates.Read,
                "failed" or "undelivered" => DeliveryStates.Failed,
                _ => null,
            };
            if (state is not null && parameters["Body"] is null)
            {
                int? code = int.TryParse(parameters["ErrorCode"], System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : null;
                var moved = await store.ApplyStatusAsync(ChannelProviders.Twilio, statusSid, state, code, parameters["ErrorMessage"], cancellationToken);
                if (moved is not null && state == DeliveryStates.Failed)
                {
                    await intake.FailedAsync(moved, code, parameters["ErrorMessage"], cancellationToken);
                }

                return Twiml(EmptyTwiml);
            }
        }

        var sid = parameters["MessageSid"];
        var from = parameters["From"];
        var account = await directory.ByAddressAsync(ChannelProviders.Twilio, parameters["To"], cancellationToken);
        if (string.IsNullOrWhiteSpace(sid) || string.IsNullOrWhiteSpace(from) || sid.Length > 200 || from.Length > 64)
        {
            logger.LogWarning("A signed Twilio webhook without a usable MessageSid or From; ignored");
            return Twiml(EmptyTwiml);
        }

        if (account is null || account.Secrets.AuthToken != token)
        {
            logger.LogWarning("Ignored a Twilio message To {To}: no account of this auth token has that number", ChannelIntake.Cut(parameters["To"] ?? "(none)"));
            return Twiml(EmptyTwiml);
        }

        var body = parameters["Body"];
        var media = int.TryParse(parameters["NumMedia"], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0;
        var text = !string.IsNullOrWhiteSpace(body) ? body : parameters["ButtonText"];
        var kind = !string.IsNullOrWhiteSpace(text) ? InboundKinds.Text
            : media || parameters["Latitude"] is not null ? InboundKinds.Media
            : InboundKinds.Unsupported;
        var key = WhatsAppInbound.Key(sid);
        var job = new JobRequest(
            JobKinds.ChannelInbound,
            new JsonObject
            {
                ["provider"] = ChannelProviders.Twilio,
                ["key"] = key,
                ["account_id"] = account.Id.ToString(),
                ["from"] = from,
                ["name"] = parameters["ProfileName"] is { } profile ? ChannelIntake.Cut(profile, 100) : null,
                ["type"] = media ? "media" : "text",
                ["kind"] = kind,
                ["text"] = kind == InboundKinds.Text ? text : null,
            },
            DedupKey: "in:" + key);
        if (!await store.AcceptInboundAsync(ChannelProviders.Twilio, key, account.TenantId, account.Id, InboundStates.Waiting, job, cancellationToken))
        {
            logger.LogInformation("Twilio message {Sid} was delivered again; already taken", ChannelIntake.Cut(sid, 80));
            return Twiml(EmptyTwiml);
        }

        var deadline = DateTimeOffset.UtcNow + settings.TwilioReplyWithin;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
            if (await TakeReplyAsync(store, key, cancellationToken) is { } ready)
            {
                return Twiml(Reply(ready));
            }
        }

        // Out of time: the job sends the reply through the REST API instead (unless it just finished).
        if (await store.MoveInboundAsync(ChannelProviders.Twilio, key, [InboundStates.Waiting], InboundStates.Rest, null, null, cancellationToken))
        {
            return Twiml(EmptyTwiml);
        }

        return await TakeReplyAsync(store, key, cancellationToken) is { } late ? Twiml(Reply(late)) : Twiml(EmptyTwiml);
    }

    private static async Task<string?> TakeReplyAsync(SqlChannelStore store, string key, CancellationToken cancellationToken)
    {
        var row = await store.FindInboundAsync(ChannelProviders.Twilio, key, cancellationToken);
        return row is { State: InboundStates.ReplyReady, ReplyText: { } text }
            && await store.MoveInboundAsync(ChannelProviders.Twilio, key, [InboundStates.ReplyReady], InboundStates.Twiml, null, null, cancellationToken)
            ? text
            : null;
    }

    /// <summary>TwiML with one message, the text XML-escaped.</summary>
    public static string Reply(string text) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><Response><Message>{SecurityElement.Escape(text)}</Message></Response>""";

    private static ContentHttpResult Twiml(string xml) => TypedResults.Text(xml, "text/xml", System.Text.Encoding.UTF8);

    private static ProblemHttpResult Problem(HttpContext http, Problem problem, string detail) =>
        TypedResults.Problem(ProblemWriter.Create(http, problem, detail, SignatureHeader));
}

/// <summary>The fields of Twilio's form the webhook reads, named as Twilio sends them, for the OpenAPI document.</summary>
public sealed record TwilioMessageForm(
    [property: System.Text.Json.Serialization.JsonPropertyName("From")] string? From,
    [property: System.Text.Json.Serialization.JsonPropertyName("To")] string? To,
    [property: System.Text.Json.Serialization.JsonPropertyName("Body")] string? Body,
    [property: System.Text.Json.Serialization.JsonPropertyName("MessageSid")] string? MessageSid);
