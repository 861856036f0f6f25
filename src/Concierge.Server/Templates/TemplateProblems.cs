using Concierge.Server.WhatsApp;
using Concierge.Server.Errors;

namespace Concierge.Server.Templates;

/// <summary>The problem documents of the templates API and the WhatsApp webhooks (see <see cref="Problem"/>).</summary>
public static class TemplateProblems
{
    public static readonly Problem TemplateNotFound = new(StatusCodes.Status404NotFound, "template_not_found", "No such template.");
    public static readonly Problem AlreadySubmitted = new(StatusCodes.Status409Conflict, "template_already_submitted", "The template was already submitted to Meta.");
    public static readonly Problem NotConfigured = new(StatusCodes.Status409Conflict, "whatsapp_not_configured", "WhatsApp is not configured for this tenant.");
    public static readonly Problem MetaRejected = new(StatusCodes.Status422UnprocessableEntity, "whatsapp_rejected", "Meta refused the template.");
    public static readonly Problem MetaUnauthorized = new(StatusCodes.Status403Forbidden, "whatsapp_unauthorized", "Meta refused the configured access token.");
    public static readonly Problem MetaRateLimited = new(StatusCodes.Status429TooManyRequests, "whatsapp_rate_limited", "Meta's rate limit was reached.");
    public static readonly Problem MetaFailed = new(StatusCodes.Status502BadGateway, "whatsapp_failed", "Meta's Graph API failed.");
    public static readonly Problem MetaTimeout = new(StatusCodes.Status504GatewayTimeout, "whatsapp_timeout", "Meta's Graph API did not answer in time.");
    public static readonly Problem WebhookForbidden = new(StatusCodes.Status403Forbidden, "webhook_verification_failed", "The webhook verification request was refused.");
    public static readonly Problem WebhookSignature = new(StatusCodes.Status401Unauthorized, "webhook_signature_invalid", "The webhook signature is missing or wrong.");
}
