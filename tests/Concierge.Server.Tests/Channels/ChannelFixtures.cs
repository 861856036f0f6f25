using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;

namespace Concierge.Server.Tests.Channels;

/// <summary>Meta's documented webhook payloads (FACTS.md §2.4, §2.5), signed as Meta signs them, and a few waits.</summary>
internal static class ChannelFixtures
{
    public const string AppSecret = "my_app_secret";
    public const string PhoneNumberId = "106540352242922";
    public const string DisplayNumber = "15550783881";
    public const string WaId = "16505551234";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Dictionary<string, string?> Settings(Uri graph, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WHATSAPP_APP_SECRET"] = AppSecret,
            ["WHATSAPP_ACCESS_TOKEN"] = "EAAG-test-token",
            ["WHATSAPP_PHONE_NUMBER_ID"] = PhoneNumberId,
            ["WHATSAPP_GRAPH_BASE_URL"] = graph.AbsoluteUri,
            ["Concierge:Jobs:PollInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Meta's text message example: one entry, one change, the contact and the message.</summary>
    public static string Text(string body, string wamid, long? timestamp = null, string phoneNumberId = PhoneNumberId, string from = WaId) =>
        Message(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = body } }, wamid, timestamp, phoneNumberId, from);

    public static string Message(JsonObject content, string wamid, long? timestamp = null, string phoneNumberId = PhoneNumberId, string from = WaId)
    {
        content["from"] = from;
        content["id"] = wamid;
        content["timestamp"] = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = DisplayNumber, ["phone_number_id"] = phoneNumberId },
                        ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Sheena Nelson" }, ["wa_id"] = from }),
                        ["messages"] = new JsonArray(content),
                    },
                }),
            }),
        }.ToJsonString();
    }

    /// <summary>A status update for an outbound wamid (FACTS.md §2.5), with Meta's error object when failed.</summary>
    public static string Status(string wamid, string status, int? errorCode = null) =>
        new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = DisplayNumber, ["phone_number_id"] = PhoneNumberId },
                        ["statuses"] = new JsonArray(new JsonObject
                        {
                            ["id"] = wamid,
                            ["status"] = status,
                            ["timestamp"] = "1750263773",
                            ["recipient_id"] = WaId,
                            ["errors"] = errorCode is null ? null : new JsonArray(new JsonObject { ["code"] = errorCode, ["title"] = "Message failed" }),
                        }),
                    },
                }),
            }),
        }.ToJsonString();

    public static string Sign(string json, string secret = AppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(json)));

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = Json.Raw(Encoding.UTF8.GetBytes(json)) };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        }

        return await client.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string json, string secret = AppSecret) => PostAsync(client, json, Sign(json, secret));

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, double seconds = 15)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting for " + what);
            }

            await Task.Delay(50, Ct);
        }
    }

    /// <summary>The demo tenant's WhatsApp session with the customer (from the operator's session list).</summary>
    public static async Task<string?> SessionIdAsync(HttpClient operatorClient, string customer = WaId, string phoneNumberId = PhoneNumberId)
    {
        var list = await operatorClient.GetJsonAsync($"/api/v1/sessions?customer_id=whatsapp:{phoneNumberId}:{customer}");
        return list["sessions"]!.AsArray().FirstOrDefault()?["id"]?.GetValue<string>();
    }

    public static async Task<JsonArray> MessagesAsync(HttpClient operatorClient, string sessionId) =>
        (await operatorClient.GetJsonAsync($"/api/v1/sessions/{sessionId}/messages"))["messages"]!.AsArray();
}
