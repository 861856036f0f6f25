using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Concierge.Server.Channels;

/// <summary>A Twilio REST error: <c>{"code":63016,"message":"...","more_info":"...","status":400}</c> and the HTTP status.</summary>
public sealed class TwilioApiException(int httpStatus, int? code, string message) : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;

    public int? Code { get; } = code;

    /// <summary>Worth another attempt later: 429, 5xx, or no answer at all (0).</summary>
    public bool IsTransient => HttpStatus is 0 or 429 or >= 500;
}

/// <summary>
/// Twilio's Messages resource, <c>POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>
/// (form-encoded, HTTP Basic with the account SID and auth token), through IHttpClientFactory. The
/// base URL is a setting (TWILIO_API_BASE_URL) so a fake can stand in on loopback.
/// </summary>
public sealed class TwilioRestClient(IHttpClientFactory clients, ChannelSettings settings, ILogger<TwilioRestClient> logger)
{
    public const string HttpClientName = "twilio";

    /// <summary>Sends a message (Body, or ContentSid with ContentVariables) and returns its SID.</summary>
    public async Task<string> SendAsync(string accountSid, string authToken, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var url = new Uri($"{settings.TwilioApiBaseUrl.AbsoluteUri.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(accountSid)}/Messages.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{authToken}")));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            logger.LogInformation("Twilio POST {Url} answered {Status}", url, (int)response.StatusCode);
            JsonObject? answer = null;
            try
            {
                answer = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
            }

            if (!response.IsSuccessStatusCode)
            {
                int? code = answer?["code"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : null;
                var message = answer?["message"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : $"Twilio answered HTTP {(int)response.StatusCode}.";
                throw new TwilioApiException((int)response.StatusCode, code, message.Replace(authToken, "[redacted]", StringComparison.Ordinal));
            }

            return answer?["sid"] is JsonValue s && s.TryGetValue<string>(out var sid) && sid.Length > 0
                ? sid
                : throw new TwilioApiException((int)response.StatusCode, null, "Twilio answered without a message SID.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TwilioApiException(0, null, "Twilio gave no answer within 30 s.");
        }
        catch (HttpRequestException e)
        {
            throw new TwilioApiException(0, null, $"Twilio could not be reached: {e.HttpRequestError}.");
        }
    }
}
