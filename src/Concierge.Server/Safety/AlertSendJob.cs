using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Jobs;

namespace Concierge.Server.Safety;

/// <summary>
/// The <see cref="JobKinds.AlertSend"/> job: posts an <see cref="Concierge.Alerts.Alert"/> as JSON
/// to ALERT_WEBHOOK_URL. A network error, a timeout, 408, 429 or a 5xx fails the attempt, and the
/// job policy retries it with backoff; another 4xx is the receiver refusing it for good (dead at
/// once). The body carries the job id (<c>id</c>, also <c>X-Concierge-Alert-Id</c>) so a receiver can drop a
/// repeat: jobs run at least once. Without a URL the alert is logged and the job succeeds.
/// </summary>
public sealed class AlertSendJob(IHttpClientFactory clients, AlertSettings settings, TimeProvider clock, ILogger<AlertSendJob> logger) : IJobHandler
{
    public const string HttpClientName = "alerts";
    public const string SignatureHeader = "X-Concierge-Signature-256";
    public const string AlertIdHeader = "X-Concierge-Alert-Id";

    public string Kind => JobKinds.AlertSend;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = (string?)context.Payload["kind"];
        var severity = (string?)context.Payload["severity"];
        if (string.IsNullOrWhiteSpace(kind))
        {
            throw new PermanentJobFailure("The alert names no kind.");
        }

        if (settings.WebhookUrl is not { } url)
        {
            logger.LogWarning("Alert {Kind} ({Severity}) for tenant {TenantId} not sent: ALERT_WEBHOOK_URL is not set", kind, severity, context.TenantId);
            return;
        }

        var body = new JsonObject
        {
            ["id"] = context.JobId.ToString(),
            ["kind"] = kind,
            ["severity"] = severity,
            ["summary"] = (string?)context.Payload["summary"],
            ["tenant_id"] = (string?)context.Payload["tenant_id"] ?? context.TenantId.ToString(),
            ["session_id"] = (string?)context.Payload["session_id"],
            ["details"] = context.Payload["details"]?.DeepClone(),
            ["raised_at"] = context.RunAt.ToString("O", CultureInfo.InvariantCulture),
            ["sent_at"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["attempt"] = context.Attempt,
        }.ToJsonString();

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(AlertIdHeader, context.JobId.ToString());
        if (settings.Secret is { } secret)
        {
            request.Headers.Add(SignatureHeader, Sign(secret, body));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The alert webhook did not answer within {settings.Timeout.TotalSeconds:0.#} s.");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                logger.LogInformation("Alert {Kind} ({Severity}) delivered, attempt {Attempt}", kind, severity, context.Attempt);
                return;
            }

            var message = $"The alert webhook answered {status} {response.ReasonPhrase}.";
            if (status is >= 500 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests)
            {
                throw new HttpRequestException(message, null, response.StatusCode);
            }

            throw new PermanentJobFailure(message + " Another attempt would be refused the same way.");
        }
    }

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact body bytes, keyed by the secret.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
