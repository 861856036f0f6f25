using Concierge.Channels;
using Concierge.Server.Channels;
using Concierge.Server.WhatsApp;
using System.Globalization;
using Concierge.Server.Accounts;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Concierge.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Templates;

/// <summary>
/// The tenant's finalised WhatsApp templates: list, read, and submit to Meta. Meta's errors become
/// problem documents: a rule error (4xx) is 422 <c>whatsapp_rejected</c>; a refused token (code
/// 190, 102, 0, or a permission code 3, 10, 200-299) is 403 <c>whatsapp_unauthorized</c> (not 401,
/// which would say the caller's own credentials are wrong); a rate limit is 429 with Retry-After;
/// a Meta 5xx, an unreadable answer or an unreachable Meta is 502 <c>whatsapp_failed</c>; no answer
/// in time is 504 <c>whatsapp_timeout</c>. Each carries <c>meta_code</c>, <c>meta_subcode</c>,
/// <c>error_user_title</c>, <c>error_user_msg</c> and <c>fbtrace_id</c> when Meta sent them, and
/// the detail is Meta's <c>error_user_msg</c> when present.
/// </summary>
public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplates(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/templates").WithTags("Templates").RequireRole(Concierge.Tenants.Role.Operator).RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapGet("/", ListAsync).WithSummary("The tenant's WhatsApp templates with their status, newest first.");
        group.MapGet("/{id}", GetAsync).WithSummary("One template: its Meta creation payload and status.");
        group.MapPost("/{id}/submit", SubmitAsync)
            .WithSummary("Submits the template to Meta's Graph API (POST /{version}/{waba-id}/message_templates) and stores Meta's id, status and category.");
        return group;
    }

    /// <summary>
    /// Where the tenant's templates go: its own stored WhatsApp account (the first with a WABA id and
    /// an access token), else the configured one — the demo tenant's, nothing set for any other
    /// tenant, which then gets whatsapp_not_configured. Graph's address and timeout are the settings'.
    /// </summary>
    private static async Task<WhatsAppAccount> SubmitAccountAsync(
        Guid tenantId, IWhatsAppAccounts accounts, ChannelAccountDirectory directory, CancellationToken cancellationToken)
    {
        var configured = accounts.ForTenant(tenantId);
        var stored = (await directory.AllAsync(cancellationToken)).FirstOrDefault(a =>
            a.TenantId == tenantId && a.Provider == ChannelProviders.WhatsApp && !a.IsConfigured && a.WabaId is not null && a.Secrets.AccessToken is not null);
        return stored is null
            ? configured
            : configured with { WabaId = stored.WabaId, AccessToken = stored.Secrets.AccessToken, AppSecret = stored.Secrets.AppSecret, VerifyToken = stored.Secrets.VerifyToken };
    }

    private static async Task<Ok<TemplateList>> ListAsync(ITemplateStore store, RequestTenant tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok(new TemplateList([.. (await store.ListAsync(tenant.Id, cancellationToken)).Select(TemplateView.From)]));

    private static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> GetAsync(
        string id, ITemplateStore store, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken) =>
        await FindAsync(id, store, tenant, cancellationToken) is { } template
            ? TypedResults.Ok(TemplateView.From(template))
            : NotFound(http, id);

    private static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> SubmitAsync(
        string id,
        ITemplateStore store,
        RequestTenant tenant,
        IWhatsAppAccounts accounts,
        ChannelAccountDirectory directory,
        GraphApiClient graph,
        HttpContext http,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var template = await FindAsync(id, store, tenant, cancellationToken);
        if (template is null)
        {
            return NotFound(http, id);
        }

        if (template.Status != TemplateStatus.Draft)
        {
            return Problem(http, TemplateProblems.AlreadySubmitted, $"Template '{template.Id}' is {template.Status.ToWire()} at Meta (id {template.MetaTemplateId}); a new FINAL for it puts it back to DRAFT.");
        }

        var account = await SubmitAccountAsync(tenant.Id, accounts, directory, cancellationToken);
        if (account.MissingForSubmit.Count > 0)
        {
            return Problem(
                http,
                TemplateProblems.NotConfigured,
                $"Submitting templates to Meta needs {string.Join(" and ", account.MissingForSubmit)} (or Concierge:WhatsApp:WabaId / AccessToken) to be set, "
                + "or a WhatsApp account of the tenant with its waba_id and access_token (POST /api/v1/channels/accounts).",
                missing: account.MissingForSubmit);
        }

        var logger = loggers.CreateLogger(typeof(TemplatesApi).FullName!);
        try
        {
            var created = await graph.CreateTemplateAsync(account, template.Payload, cancellationToken);
            var stored = await store.MarkSubmittedAsync(tenant.Id, template.Id, created.Id, created.Status, created.Category, cancellationToken)
                ?? throw new InvalidOperationException($"Template {template.Id} disappeared while it was submitted.");
            logger.LogInformation("Submitted template {TemplateId} ({Name}, {Language}) to Meta: id {MetaId}, {Status}", template.Id, template.Name, template.Language, created.Id, created.Status.ToWire());
            return TypedResults.Ok(TemplateView.From(stored));
        }
        catch (GraphApiException e)
        {
            logger.LogWarning(
                "Meta refused template {TemplateId} ({Name}, {Language}): HTTP {HttpStatus}, code {Code}, subcode {Subcode}, {Message}, fbtrace {FbTrace}",
                template.Id, template.Name, template.Language, e.HttpStatus, e.Code, e.Subcode, e.Message, e.FbTraceId);
            var problem = e.IsAuthorization ? TemplateProblems.MetaUnauthorized
                : e.IsRateLimit ? TemplateProblems.MetaRateLimited
                : e.IsMetaFailure || e.Code is null ? TemplateProblems.MetaFailed
                : TemplateProblems.MetaRejected;
            if (problem == TemplateProblems.MetaRateLimited)
            {
                http.Response.Headers.RetryAfter = "60";
            }

            var detail = e.UserMessage ?? (problem == TemplateProblems.MetaUnauthorized
                ? $"Meta refused the access token ({e.Message}); set a valid WHATSAPP_ACCESS_TOKEN."
                : e.Message);
            var details = ProblemWriter.Create(http, problem, detail);
            details.Extensions["meta_code"] = e.Code;
            details.Extensions["meta_subcode"] = e.Subcode;
            details.Extensions["meta_type"] = e.ErrorType;
            details.Extensions["error_user_title"] = e.UserTitle;
            details.Extensions["error_user_msg"] = e.UserMessage;
            details.Extensions["fbtrace_id"] = e.FbTraceId;
            details.Extensions["meta_http_status"] = e.HttpStatus;
            return TypedResults.Problem(details);
        }
        catch (GraphTimeoutException e)
        {
            return Problem(http, TemplateProblems.MetaTimeout, $"{e.Message} The template stays DRAFT; Meta may still have created it, so check before retrying.");
        }
        catch (GraphUnreachableException e)
        {
            return Problem(http, TemplateProblems.MetaFailed, e.Message);
        }
    }

    private static Task<StoredTemplate?> FindAsync(string id, ITemplateStore store, RequestTenant tenant, CancellationToken cancellationToken) =>
        Guid.TryParse(id, CultureInfo.InvariantCulture, out var templateId)
            ? store.FindAsync(tenant.Id, templateId, cancellationToken)
            : Task.FromResult<StoredTemplate?>(null);

    private static ProblemHttpResult NotFound(HttpContext http, string id) =>
        Problem(http, TemplateProblems.TemplateNotFound, $"Template '{Shorten(id)}' does not exist.", field: "id");

    private static ProblemHttpResult Problem(HttpContext http, Problem problem, string detail, string? field = null, IReadOnlyList<string>? missing = null)
    {
        var details = ProblemWriter.Create(http, problem, detail, field);
        if (missing is not null)
        {
            details.Extensions["missing_settings"] = missing;
        }

        return TypedResults.Problem(details);
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
