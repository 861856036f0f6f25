using System.Security.Cryptography;
using System.Text;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Channels;

/// <summary>Twilio's inbound webhook as Twilio sends it: the documented form, signed with X-Twilio-Signature (FACTS.md §3.2).</summary>
internal static class TwilioFixtures
{
    public const string AuthToken = "twilio_auth_token_for_tests_0123";
    public const string AccountSid = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string PublicBase = "https://concierge.example.com";
    public const string Number = "whatsapp:+14155238886";
    public const string Customer = "whatsapp:+15551119999";

    /// <summary>The Twilio account settings with the fake's base URL; replies wait <paramref name="replyWithin"/> for TwiML before going through the REST API.</summary>
    public static Dictionary<string, string?> Settings(Uri twilio, string replyWithin = "10s") => new()
    {
        ["TWILIO_ACCOUNT_SID"] = AccountSid,
        ["TWILIO_AUTH_TOKEN"] = AuthToken,
        ["TWILIO_NUMBER"] = Number,
        ["TWILIO_API_BASE_URL"] = twilio.AbsoluteUri,
        ["TWILIO_REPLY_WITHIN"] = replyWithin,
        ["PUBLIC_API_BASE"] = PublicBase,
        ["Concierge:Jobs:PollInterval"] = "00:00:00.050",
    };

    /// <summary>The operator API's customer id of a Twilio conversation with <paramref name="customer"/>.</summary>
    public static string CustomerId(string customer = Customer) => $"twilio:{Number}:{customer}";

    // The signature computed here from Twilio's algorithm (FACTS.md §3.2), independently of the SDK.
    public static string Sign(string url, IEnumerable<KeyValuePair<string, string>> form, string token = AuthToken)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data.ToString())));
    }

    public static Dictionary<string, string> Inbound(string sid, string body, string from = Customer) => new()
    {
        ["MessageSid"] = sid,
        ["SmsMessageSid"] = sid,
        ["AccountSid"] = AccountSid,
        ["From"] = from,
        ["To"] = Number,
        ["Body"] = body,
        ["NumMedia"] = "0",
        ["NumSegments"] = "1",
        ["ProfileName"] = "Perspective Coffee",
        ["WaId"] = from.Replace("whatsapp:+", string.Empty, StringComparison.Ordinal),
        ["SmsStatus"] = "received",
        ["ApiVersion"] = "2010-04-01",
    };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> form, string? signature, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio") { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Twilio-Signature", signature);
        }

        return await client.SendAsync(request, cancellationToken);
    }

    public static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, Dictionary<string, string> form, CancellationToken cancellationToken = default) =>
        PostAsync(client, form, Sign(PublicBase + "/webhooks/twilio", form), cancellationToken);

    /// <summary>The demo tenant's Twilio session with the customer (from the operator's session list).</summary>
    public static async Task<string?> SessionIdAsync(HttpClient operatorClient, string customer = Customer)
    {
        var list = await operatorClient.GetJsonAsync($"/api/v1/sessions?customer_id={Uri.EscapeDataString(CustomerId(customer))}");
        return list["sessions"]!.AsArray().FirstOrDefault()?["id"]?.GetValue<string>();
    }
}
