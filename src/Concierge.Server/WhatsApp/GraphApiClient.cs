using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concierge.Templates;

namespace Concierge.Server.WhatsApp;

/// <summary>Meta's answer to a successful create call: <c>{"id","status","category"}</c>.</summary>
public sealed record GraphTemplateCreated(string Id, TemplateStatus Status, string? Category);

/// <summary>
/// Meta's Graph API, the part Concierge calls: creating a message template. Uses the named client
/// <see cref="HttpClientName"/>; the per-call timeout is the account's. The access token goes only
/// into the Authorization header: it is never logged, and it is cut out of any text Meta sends back.
/// </summary>
public sealed class GraphApiClient(IHttpClientFactory clients, ILogger<GraphApiClient> logger)
{
    public const string HttpClientName = "whatsapp-graph";

    /// <summary>
    /// POSTs the payload to <c>{base}/{version}/{waba}/message_templates</c>. Throws
    /// <see cref="GraphApiException"/> for a Graph error (or an answer that is not one),
    /// <see cref="GraphTimeoutException"/> past the account's timeout and
    /// <see cref="GraphUnreachableException"/> when Meta cannot be reached.
    /// </summary>
    public async Task<GraphTemplateCreated> CreateTemplateAsync(WhatsAppAccount account, JsonObject payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(payload);
        if (account.MissingForSubmit.Count > 0)
        {
            throw new InvalidOperationException("The account is not configured for submission.");
        }

        var url = account.MessageTemplatesUrl;
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(account.RequestTimeout);
        var client = clients.CreateClient(HttpClientName);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            logger.LogInformation(
                "Graph API POST {Url} answered {Status} in {Elapsed} ms",
                url, (int)response.StatusCode, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response.IsSuccessStatusCode
                ? ReadCreated(body, response.StatusCode, account)
                : throw GraphApiException.From(response.StatusCode, body, account.AccessToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Graph API POST {Url} gave no answer within {Timeout} s", url, account.RequestTimeout.TotalSeconds);
            throw new GraphTimeoutException(account.RequestTimeout);
        }
        catch (HttpRequestException e)
        {
            // The exception's text names the host and the socket error, never a header.
            logger.LogWarning("Graph API POST {Url} failed: {Error}", url, Redact(e.Message, account.AccessToken));
            throw new GraphUnreachableException(url.Host);
        }
    }

    /// <summary>
    /// POSTs a message to <c>{base}/{version}/{phone_number_id}/messages</c> and returns its wamid
    /// (Meta accepted it; delivery comes later in status webhooks). Throws as <see cref="CreateTemplateAsync"/> does.
    /// </summary>
    public async Task<string> SendMessageAsync(
        Uri graphBaseUrl, string version, string phoneNumberId, string accessToken, TimeSpan requestTimeout, JsonObject payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graphBaseUrl);
        ArgumentNullException.ThrowIfNull(payload);
        var url = new Uri($"{graphBaseUrl.AbsoluteUri.TrimEnd('/')}/{version}/{Uri.EscapeDataString(phoneNumberId)}/messages");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(requestTimeout);
        var client = clients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            logger.LogInformation("Graph API POST {Url} answered {Status}", url, (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                throw GraphApiException.From(response.StatusCode, body, accessToken);
            }

            JsonNode? answer = null;
            try
            {
                answer = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
            }

            return answer?["messages"]?[0]?["id"] is JsonValue v && v.TryGetValue<string>(out var wamid) && wamid.Length > 0
                ? wamid
                : throw new GraphApiException((int)response.StatusCode, null, null, null, "Meta answered without a message id.", null, null, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Graph API POST {Url} gave no answer within {Timeout} s", url, requestTimeout.TotalSeconds);
            throw new GraphTimeoutException(requestTimeout);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("Graph API POST {Url} failed: {Error}", url, Redact(e.Message, accessToken));
            throw new GraphUnreachableException(url.Host);
        }
    }

    internal static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "[redacted]", StringComparison.Ordinal);

    private static GraphTemplateCreated ReadCreated(string body, HttpStatusCode status, WhatsAppAccount account)
    {
        JsonObject? answer = null;
        try
        {
            answer = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
        }

        var id = answer?["id"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => s,
            JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
        if (id is null)
        {
            throw new GraphApiException(
                (int)status, null, null, null, "Meta answered without a template id: " + Redact(Shorten(body), account.AccessToken), null, null, null);
        }

        var statusText = answer?["status"] is JsonValue sv && sv.TryGetValue<string>(out var st) ? st : null;
        var category = answer?["category"] is JsonValue cv && cv.TryGetValue<string>(out var c) && c.Length > 0 ? c.ToUpperInvariant() : null;
        return new GraphTemplateCreated(id, TemplateStatuses.TryParse(statusText, out var parsed) ? parsed : TemplateStatus.Pending, category);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}

/// <summary>
/// A Graph API error: <c>{"error":{"message","type","code","error_subcode","error_user_title","error_user_msg","fbtrace_id"}}</c>,
/// with the HTTP status it came with. Texts have the access token cut out.
/// </summary>
public sealed class GraphApiException(
    int httpStatus, int? code, int? subcode, string? type, string message, string? userTitle, string? userMessage, string? fbTraceId)
    : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;

    public int? Code { get; } = code;

    public int? Subcode { get; } = subcode;

    public string? ErrorType { get; } = type;

    public string? UserTitle { get; } = userTitle;

    public string? UserMessage { get; } = userMessage;

    public string? FbTraceId { get; } = fbTraceId;

    /// <summary>The access token was refused: expired or invalidated (190, 102, 0) or lacks a permission (3, 10, 200-299).</summary>
    public bool IsAuthorization => Code is 190 or 102 or 0 or 3 or 10 or (>= 200 and <= 299) || HttpStatus is 401 or 403;

    /// <summary>Meta's rate limits (4, 17, 32, 613, 80007, 130429) or HTTP 429.</summary>
    public bool IsRateLimit => Code is 4 or 17 or 32 or 613 or 80007 or 130429 || HttpStatus == 429;

    /// <summary>Meta's side failed (5xx, or codes 1, 2, 131000, 131016 that say "retry").</summary>
    public bool IsMetaFailure => HttpStatus >= 500 || Code is 1 or 2 or 131000 or 131016;

    internal static GraphApiException From(HttpStatusCode status, string body, string? token)
    {
        JsonObject? error = null;
        try
        {
            error = (JsonNode.Parse(body) as JsonObject)?["error"] as JsonObject;
        }
        catch (JsonException)
        {
        }

        string? Text(string name) => error?[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? GraphApiClient.Redact(s, token) : null;
        int? Number(string name) => error?[name] switch
        {
            JsonValue v when v.TryGetValue<int>(out var n) => n,
            JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };

        return error is null
            ? new GraphApiException((int)status, null, null, null, $"Meta answered HTTP {(int)status} without a Graph error.", null, null, null)
            : new GraphApiException(
                (int)status, Number("code"), Number("error_subcode"), Text("type"), Text("message") ?? $"Meta answered HTTP {(int)status}.",
                Text("error_user_title"), Text("error_user_msg"), Text("fbtrace_id"));
    }
}

/// <summary>Meta did not answer within the account's timeout.</summary>
public sealed class GraphTimeoutException(TimeSpan timeout) : Exception($"The Graph API gave no answer within {timeout.TotalSeconds} s.")
{
    public TimeSpan Timeout { get; } = timeout;
}

/// <summary>Meta could not be reached (DNS, connection, TLS).</summary>
public sealed class GraphUnreachableException(string host) : Exception($"The Graph API at {host} could not be reached.")
{
    public string Host { get; } = host;
}
