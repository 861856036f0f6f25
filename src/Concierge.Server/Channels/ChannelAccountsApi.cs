using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Concierge.Agents;
using Concierge.Channels;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Accounts;
using Concierge.Server.Tenancy;
using Concierge.Storage.Channels;
using Concierge.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Channels;

public sealed record WindowTemplateRequest(string? Name, string? Language);

/// <summary>A new account: WhatsApp Cloud API (address = phone number id) or Twilio (address = the To number).</summary>
public sealed record NewChannelAccountRequest(
    string? Provider,
    string? Address,
    string? Label,
    string? WabaId,
    string? AccountSid,
    string? Agent,
    string? AccessToken,
    string? AppSecret,
    string? VerifyToken,
    string? AuthToken,
    WindowTemplateRequest? WindowTemplate);

/// <summary>An account as the API shows it: which secrets are set, never their values.</summary>
public sealed record ChannelAccountView(
    Guid Id,
    string Provider,
    string Address,
    string? Label,
    string? WabaId,
    string? AccountSid,
    string? Agent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WindowTemplateRequest? WindowTemplate,
    IReadOnlyList<string> SecretsSet,
    bool Configured,
    DateTimeOffset CreatedAt)
{
    public static ChannelAccountView From(ChannelAccount a) => new(
        a.Id, a.Provider, a.Address, a.Label, a.WabaId, a.AccountSid, a.AgentKey,
        a.HasWindowTemplate ? new WindowTemplateRequest(a.TemplateName, a.TemplateLanguage) : null,
        [.. new[] { ("access_token", a.Secrets.AccessToken), ("app_secret", a.Secrets.AppSecret), ("verify_token", a.Secrets.VerifyToken), ("auth_token", a.Secrets.AuthToken) }
            .Where(s => s.Item2 is not null).Select(s => s.Item1)],
        a.IsConfigured, a.CreatedAt);
}

public sealed record ChannelAccountList(IReadOnlyList<ChannelAccountView> Accounts);

/// <summary>The problems of the channels' API and webhooks.</summary>
public static class ChannelProblems
{
    public static readonly Problem AccountNotFound = new(StatusCodes.Status404NotFound, "channel_account_not_found", "No such channel account.");
    public static readonly Problem AddressTaken = new(StatusCodes.Status409Conflict, "channel_address_taken", "Another account already has this business number.");
    public static readonly Problem ConfiguredAccount = new(StatusCodes.Status409Conflict, "channel_account_configured", "The account comes from the settings; change them instead.");
    public static readonly Problem NoChannel = new(StatusCodes.Status409Conflict, "session_has_no_channel", "The session is not a WhatsApp or Twilio conversation.");
    public static readonly Problem TwilioSignature = new(StatusCodes.Status403Forbidden, "twilio_signature_invalid", "The X-Twilio-Signature is missing or wrong.");
}

/// <summary>
/// The tenant's channel accounts (admin): add, list, delete. Secrets go in, are sealed with the Data
/// Protection key ring before they are stored, and never come back out.
/// </summary>
public static partial class ChannelAccountsApi
{
    public static RouteGroupBuilder MapChannelAccounts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/channels/accounts").WithTags("Channels").RequireRole(Role.Admin).WithBodyLimit(16 * 1024).RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapPost("/", AddAsync).WithSummary("Add a WhatsApp (Cloud API) or Twilio business number to the tenant, with its secrets (stored encrypted, never returned).");
        group.MapGet("/", ListAsync).WithSummary("The tenant's channel accounts (the demo tenant's default ones from the settings included), without secrets.");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Remove a channel account: its number stops being answered.");
        return group;
    }

    private static async Task<Results<Created<ChannelAccountView>, ProblemHttpResult>> AddAsync(
        NewChannelAccountRequest? body, RequestTenant tenant, SqlChannelStore store, ChannelAccountDirectory directory, ChannelSecretProtector protector,
        IAgentCatalog agents, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            throw new RequestFieldException("provider", "A JSON object with provider and address is required.");
        }

        var provider = body.Provider?.Trim().ToLowerInvariant();
        if (!ChannelProviders.IsKnown(provider))
        {
            throw new RequestFieldException("provider", "provider must be 'whatsapp' or 'twilio'.");
        }

        var address = body.Address?.Trim() ?? string.Empty;
        string? wabaId = Optional(body.WabaId, "waba_id", 30), accountSid = Optional(body.AccountSid, "account_sid", 34);
        var secrets = new ChannelSecrets(
            Secret(body.AccessToken, "access_token"), Secret(body.AppSecret, "app_secret"), Secret(body.VerifyToken, "verify_token"), Secret(body.AuthToken, "auth_token"));
        if (provider == ChannelProviders.WhatsApp)
        {
            Require(Digits().IsMatch(address), "address", "address must be the WhatsApp phone number id (digits, at most 30).");
            Require(wabaId is null || Digits().IsMatch(wabaId), "waba_id", "waba_id must be digits.");
            Require(secrets.AccessToken is not null, "access_token", "access_token is required to reply.");
            Require(secrets.AppSecret is not null, "app_secret", "app_secret is required to check the webhook's X-Hub-Signature-256.");
            Require(secrets.AuthToken is null && accountSid is null, "auth_token", "auth_token and account_sid are Twilio's.");
        }
        else
        {
            Require(TwilioAddress().IsMatch(address), "address", "address must be the Twilio number messages are sent To: +E.164, or whatsapp:+E.164.");
            Require(accountSid is not null && TwilioSid().IsMatch(accountSid), "account_sid", "account_sid must be AC followed by 32 hex digits.");
            Require(secrets.AuthToken is not null, "auth_token", "auth_token is required to check X-Twilio-Signature and to send.");
            Require(secrets.AccessToken is null && secrets.AppSecret is null && wabaId is null, "access_token", "access_token, app_secret and waba_id are Meta's.");
        }

        var agentKey = Optional(body.Agent, "agent", 64);
        if (agentKey is not null && await agents.FindByKeyAsync(tenant.Id, agentKey, cancellationToken) is null)
        {
            throw new RequestFieldException("agent", $"The tenant has no agent '{agentKey}'.");
        }

        string? templateName = null, templateLanguage = null;
        if (body.WindowTemplate is { } template)
        {
            templateName = Optional(template.Name, "window_template.name", 512);
            templateLanguage = Optional(template.Language, "window_template.language", 16)?.Replace('-', '_');
            Require(templateName is not null && templateLanguage is not null, "window_template", "window_template needs name and language.");
            Require(provider == ChannelProviders.Twilio ? ContentSid().IsMatch(templateName!) : TemplateName().IsMatch(templateName!), "window_template.name",
                provider == ChannelProviders.Twilio ? "For Twilio the template is its Content SID (HX followed by 32 hex digits)." : "A template name is lower-case letters, digits and underscores.");
        }

        var account = new ChannelAccount(
            Guid.CreateVersion7(), tenant.Id, provider!, address, Optional(body.Label, "label", 100), wabaId, accountSid, agentKey, templateName, templateLanguage,
            secrets, clock.GetUtcNow());
        var configuredTaken = directory.Configured().Any(a => a.Provider == provider && a.Address == address);
        if (configuredTaken || !await store.AddAccountAsync(account, protector.Protect(secrets), cancellationToken))
        {
            return TypedResults.Problem(ProblemWriter.Create(http, ChannelProblems.AddressTaken, $"The {provider} number '{address}' already belongs to an account.", "address"));
        }

        directory.Invalidate();
        return TypedResults.Created($"/api/v1/channels/accounts/{account.Id}", ChannelAccountView.From(account));
    }

    private static async Task<Ok<ChannelAccountList>> ListAsync(RequestTenant tenant, ChannelAccountDirectory directory, CancellationToken cancellationToken)
    {
        directory.Invalidate();
        var all = await directory.AllAsync(cancellationToken);
        return TypedResults.Ok(new ChannelAccountList([.. all.Where(a => a.TenantId == tenant.Id).Select(ChannelAccountView.From)]));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, RequestTenant tenant, SqlChannelStore store, ChannelAccountDirectory directory, HttpContext http, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, CultureInfo.InvariantCulture, out var accountId))
        {
            return TypedResults.Problem(ProblemWriter.Create(http, ChannelProblems.AccountNotFound, "No such channel account.", "id"));
        }

        if (tenant.Id == DemoTenant.TenantId && directory.Configured().Any(a => a.Id == accountId))
        {
            return TypedResults.Problem(ProblemWriter.Create(http, ChannelProblems.ConfiguredAccount, "This account comes from the WHATSAPP_* / TWILIO_* settings.", "id"));
        }

        if (!await store.DeleteAccountAsync(tenant.Id, accountId, cancellationToken))
        {
            return TypedResults.Problem(ProblemWriter.Create(http, ChannelProblems.AccountNotFound, "No such channel account.", "id"));
        }

        directory.Invalidate();
        return TypedResults.NoContent();
    }

    private static void Require(bool ok, string field, string detail)
    {
        if (!ok)
        {
            throw new RequestFieldException(field, detail);
        }
    }

    private static string? Optional(string? value, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        Require(trimmed.Length <= max && !trimmed.Any(char.IsControl), field, $"{field} must be at most {max} characters without control characters.");
        return trimmed;
    }

    private static string? Secret(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        Require(value.Length <= 1024 && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)), field, $"{field} must be at most 1024 characters without spaces.");
        return value;
    }

    [GeneratedRegex("^[0-9]{1,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(whatsapp:)?\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwilioAddress();

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwilioSid();

    [GeneratedRegex("^HX[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ContentSid();

    [GeneratedRegex("^[a-z0-9_]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateName();
}
