using System.Globalization;
using Concierge.Knowledge.Library;
using Concierge.Server.Errors;
using Concierge.Server.Http;
using Concierge.Server.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Concierge.Server.Knowledge;

/// <summary>
/// The operator's knowledge routes: documents (upload, list, read with chunks, delete, reindex),
/// curated answers, and search with scores for tuning. All in one route group, so that
/// authentication can be attached to the group with one call.
/// </summary>
public static class KnowledgeApi
{
    private const int MaxQuestionChars = 2000;
    private const int MaxAnswerChars = 8000;
    private const int MaxSearchLimit = 50;

    public static RouteGroupBuilder MapKnowledge(this IEndpointRouteBuilder routes)
    {
        var settings = routes.ServiceProvider.GetRequiredService<KnowledgeSettings>();
        var group = routes.MapGroup("/api/v1/knowledge").WithTags("Knowledge").RequireRateLimiting(HttpSetup.RateLimitPolicy);
        group.MapPost("/documents", KnowledgeUpload.UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(settings.MaxRequestBytes))
            .WithBodyDocument<DocumentUploadForm>("multipart/form-data")
            .WithSummary("Uploads a document (multipart: file, optional title and agent): text, Markdown, HTML or PDF, up to KNOWLEDGE_MAX_BYTES.");
        group.MapGet("/documents", ListAsync).WithSummary("The tenant's documents with their status, newest first.");
        group.MapGet("/documents/{id}", GetAsync).WithSummary("One document with its chunks.");
        group.MapDelete("/documents/{id}", DeleteAsync).WithSummary("Deletes a document with its chunks and index entries.");
        group.MapPost("/documents/{id}/reindex", KnowledgeUpload.ReindexAsync).WithSummary("Reads, chunks and indexes the stored document again.");
        group.MapPost("/answers", AddAnswerAsync).WithSummary("Adds a curated answer: a question close enough to it gets this answer, without retrieval or a model.");
        group.MapGet("/search", SearchAsync).WithSummary("The ranked chunks for a query, with their BM25 scores.");
        return group;
    }

    private static async Task<Ok<DocumentList>> ListAsync(IKnowledgeStore store, RequestTenant tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok(new DocumentList([.. (await store.ListAsync(tenant.Id, cancellationToken)).Select(DocumentView.From)]));

    private static async Task<Results<Ok<DocumentDetail>, ProblemHttpResult>> GetAsync(
        string id, IKnowledgeStore store, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, store, tenant, cancellationToken) is not { } document)
        {
            return NotFound(http, id);
        }

        var chunks = await store.ChunksAsync(tenant.Id, document.Id, cancellationToken);
        return TypedResults.Ok(new DocumentDetail(DocumentView.From(document), [.. chunks.Select(c => new ChunkView(c.Id, c.Ordinal, c.HeadingPath, c.Text))]));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, IKnowledgeStore store, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken) =>
        Guid.TryParse(id, CultureInfo.InvariantCulture, out var documentId) && await store.DeleteAsync(tenant.Id, documentId, cancellationToken)
            ? TypedResults.NoContent()
            : NotFound(http, id);

    private static async Task<Results<Created<CuratedAnswerView>, ProblemHttpResult>> AddAnswerAsync(
        CuratedAnswerRequest body, IKnowledgeStore store, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var question = body.Question?.Trim();
        var answer = body.Answer?.Trim();
        if (string.IsNullOrEmpty(question) || question.Length > MaxQuestionChars)
        {
            return Invalid(http, "question", $"'question' must be text of 1 to {MaxQuestionChars} characters.");
        }

        if (string.IsNullOrEmpty(answer) || answer.Length > MaxAnswerChars)
        {
            return Invalid(http, "answer", $"'answer' must be text of 1 to {MaxAnswerChars} characters.");
        }

        var added = await store.AddAnswerAsync(tenant.Id, question, answer, cancellationToken);
        return TypedResults.Created($"/api/v1/knowledge/answers/{added.Id}", new CuratedAnswerView(added.Id, added.Question, added.Answer));
    }

    private static async Task<Results<Ok<SearchResults>, ProblemHttpResult>> SearchAsync(
        string? q, string? limit, KnowledgeSearch search, RequestTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Invalid(http, "q", "'q' must be a non-empty query.");
        }

        var top = 10;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > MaxSearchLimit))
        {
            return Invalid(http, "limit", $"'limit' must be a whole number from 1 to {MaxSearchLimit}.");
        }

        var passages = await search.SearchAsync(tenant.Id, q, top, cancellationToken: cancellationToken);
        return TypedResults.Ok(new SearchResults(
            q.Length <= 200 ? q : q[..200],
            [.. passages.Select(p => new SearchHit(p.DocumentId, p.Title, p.ChunkId, p.HeadingPath, Snippets.Of(p.Text), Math.Round(p.Score, 4)))]));
    }

    internal static Task<KnowledgeDocument?> FindAsync(string id, IKnowledgeStore store, RequestTenant tenant, CancellationToken cancellationToken) =>
        Guid.TryParse(id, CultureInfo.InvariantCulture, out var documentId)
            ? store.FindAsync(tenant.Id, documentId, cancellationToken)
            : Task.FromResult<KnowledgeDocument?>(null);

    internal static ProblemHttpResult NotFound(HttpContext http, string id) =>
        TypedResults.Problem(ProblemWriter.Create(http, KnowledgeProblems.DocumentNotFound, $"Document '{(id.Length <= 64 ? id : id[..64] + "...")}' does not exist.", "id"));

    internal static ProblemHttpResult Invalid(HttpContext http, string field, string detail) =>
        TypedResults.Problem(ProblemWriter.Create(http, Problem.InvalidField, detail, field));
}
