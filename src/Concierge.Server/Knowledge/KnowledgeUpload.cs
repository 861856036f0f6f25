using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Jobs;
using Concierge.Knowledge.Intake;
using Concierge.Knowledge.Library;
using Concierge.Server.Errors;
using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concierge.Server.Knowledge;

/// <summary>
/// The upload and reindex routes. A file up to <see cref="KnowledgeSettings.InlineIndexBytes"/> is
/// read and indexed during the request, so its refusal (415, 422...) is the answer and nothing is
/// kept. A larger one is stored as <c>indexing</c> and read by a <see cref="JobKinds.KnowledgeIndex"/>
/// job, which leaves it <c>ready</c> or <c>failed</c> with the intake's reason.
/// </summary>
internal static class KnowledgeUpload
{
    private const int MaxTitleChars = 150;
    private const int MaxJobAttempts = 3;

    public static async Task<Results<Created<DocumentView>, ProblemHttpResult>> UploadAsync(
        HttpRequest request,
        KnowledgeSettings settings,
        IKnowledgeStore store,
        KnowledgeIndexer indexer,
        IJobStore jobs,
        IAgentCatalog agents,
        RequestTenant tenant,
        CancellationToken cancellationToken)
    {
        var http = request.HttpContext;
        if (!request.HasFormContentType)
        {
            return Fail(http, KnowledgeProblems.NotMultipart, "Send the document as multipart/form-data with the field 'file'.", "file");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return Fail(http, Problem.BadRequest, $"The multipart body could not be read: {e.Message}", "file");
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            // A body that ends before its closing boundary (a client cut off mid-upload); a body over the
            // limit is a BadHttpRequestException (also an IOException) and keeps its 413.
            return Fail(http, Problem.BadRequest, "The multipart body ended before its closing boundary.", "file");
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return Fail(http, KnowledgeProblems.FileMissing, "Send the document in the multipart field 'file'.", "file");
        }

        var agent = Clean(form["agent"].ToString(), 100);
        if (agent is not null && await agents.FindByKeyAsync(tenant.Id, agent, cancellationToken) is null)
        {
            return Fail(http, Problem.InvalidField, $"The tenant has no agent '{agent}'.", "agent");
        }

        // The size is known before a byte is read: an oversize file is refused without buffering it.
        if (file.Length > settings.MaxBytes)
        {
            return Fail(http, KnowledgeProblems.TooLarge, $"The file is {file.Length} bytes; the limit is {settings.MaxBytes} bytes (KNOWLEDGE_MAX_BYTES).", "file");
        }

        if (file.Length == 0)
        {
            return Refuse(http, DocumentIntake.Inspect(file.FileName, ReadOnlyMemory<byte>.Empty, settings.MaxBytes).Refusal!);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        if (await store.FindByHashAsync(tenant.Id, hash, cancellationToken) is { } existing)
        {
            return Duplicate(http, existing);
        }

        var title = Clean(form["title"].ToString(), MaxTitleChars);
        var added = await store.AddAsync(new NewDocument(tenant.Id, agent, title, SafeFileName.From(file.FileName), hash, content), cancellationToken);
        if (added is null)
        {
            // Another upload of the same content won the race.
            return await store.FindByHashAsync(tenant.Id, hash, cancellationToken) is { } winner
                ? Duplicate(http, winner)
                : throw new InvalidOperationException("A duplicate document vanished while it was uploaded.");
        }

        if (content.Length > settings.InlineIndexBytes)
        {
            await EnqueueAsync(jobs, tenant.Id, added.Id, cancellationToken);
            return TypedResults.Created(Location(added.Id), DocumentView.From(added));
        }

        if (await indexer.IndexAsync(tenant.Id, added.Id, cancellationToken) is { } refusal)
        {
            await store.DeleteAsync(tenant.Id, added.Id, CancellationToken.None);
            return Refuse(http, refusal);
        }

        var indexed = await store.FindAsync(tenant.Id, added.Id, cancellationToken) ?? added;
        return TypedResults.Created(Location(indexed.Id), DocumentView.From(indexed));
    }

    public static async Task<Results<Ok<DocumentView>, ProblemHttpResult>> ReindexAsync(
        string id, KnowledgeSettings settings, IKnowledgeStore store, KnowledgeIndexer indexer, IJobStore jobs, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (await KnowledgeApi.FindAsync(id, store, tenant, cancellationToken) is not { } document)
        {
            return KnowledgeApi.NotFound(http, id);
        }

        if (document.Bytes > settings.InlineIndexBytes)
        {
            await store.SetStatusAsync(tenant.Id, document.Id, KnowledgeStatus.Indexing, null, cancellationToken);
            await EnqueueAsync(jobs, tenant.Id, document.Id, cancellationToken);
        }
        else
        {
            // A refusal now (a stricter intake than at upload) leaves the document failed, with the reason shown.
            await indexer.IndexAsync(tenant.Id, document.Id, cancellationToken);
        }

        return TypedResults.Ok(DocumentView.From(await store.FindAsync(tenant.Id, document.Id, cancellationToken) ?? document));
    }

    private static Task EnqueueAsync(IJobStore jobs, Guid tenantId, Guid documentId, CancellationToken cancellationToken) =>
        jobs.EnqueueAsync(tenantId, new JobRequest(JobKinds.KnowledgeIndex, new JsonObject { ["document_id"] = documentId.ToString() }), MaxJobAttempts, cancellationToken);

    private static string Location(Guid id) => $"/api/v1/knowledge/documents/{id}";

    private static ProblemHttpResult Duplicate(HttpContext http, KnowledgeDocument existing)
    {
        var details = ProblemWriter.Create(http, KnowledgeProblems.Duplicate, $"The same content was already uploaded as document {existing.Id} ('{existing.Title}').", "file");
        details.Extensions["existing_id"] = existing.Id;
        return TypedResults.Problem(details);
    }

    private static ProblemHttpResult Refuse(HttpContext http, IntakeRefusal refusal) =>
        TypedResults.Problem(ProblemWriter.Create(http, KnowledgeProblems.From(refusal), refusal.Message, refusal.Field));

    private static ProblemHttpResult Fail(HttpContext http, Problem problem, string detail, string field) =>
        TypedResults.Problem(ProblemWriter.Create(http, problem, detail, field));

    /// <summary>A form value as one line of text without control characters, or null when blank.</summary>
    private static string? Clean(string? value, int maxChars)
    {
        var cleaned = new string((value ?? string.Empty).Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned.Length <= maxChars ? cleaned : cleaned[..maxChars];
    }
}

/// <summary>The upload's multipart fields as the OpenAPI document shows them; <see cref="KnowledgeUpload.UploadAsync"/> reads the form by hand.</summary>
public sealed record DocumentUploadForm(IFormFile File, string? Title, string? Agent);
