using System.Net;
using System.Text;
using Concierge.Server.Tests.Infrastructure;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Concierge.Server.Tests.Knowledge;

/// <summary>Files and queries that break RAG backends: each gets a 4xx problem naming the field, or an honest "nothing found", never a 500.</summary>
public sealed class KnowledgeBadInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, int, string> RefusedFiles => new()
    {
        { "empty", "notes.txt", 400, "empty_file" },
        { "png", "holiday.txt", 415, "unsupported_type" },
        { "scripts", "page.html", 422, "no_text" },
        { "blank", "blank.txt", 422, "no_text" },
        { "pdf-without-text", "scan.pdf", 422, "no_text" },
        { "oversize", "big.txt", 413, "too_large" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_file_that_cannot_be_indexed_is_refused_with_a_problem_naming_the_file_and_nothing_is_kept(string content, string fileName, int status, string code)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?> { ["KNOWLEDGE_MAX_BYTES"] = "4096" });
        var client = app.OperatorClient();
        var before = (await client.GetJsonAsync(KnowledgeUploads.Documents))["documents"]!.AsArray().Count;

        using var response = await client.UploadAsync(fileName, Bytes(content));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal((code, "file"), ((string?)problem["code"], (string?)problem["field"]));
        Assert.Equal(before, (await client.GetJsonAsync(KnowledgeUploads.Documents))["documents"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("CON", "_CON")]
    [InlineData("..\\..\\windows\\notes.txt", "notes.txt")]
    public async Task A_dangerous_file_name_is_stored_made_safe(string fileName, string stored)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        using var response = await app.OperatorClient().UploadAsync(fileName, $"Opening hours\n\nWe open at nine, {fileName.Length} days a week.");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(stored, (string?)(await response.ReadObjectAsync())["file_name"]);
    }

    [Fact]
    public async Task A_title_with_markup_comes_back_as_escaped_text()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        const string html = "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Prices</title><script>alert(2)</script></head><body><h1>Prices</h1><p>A haircut costs 20 euros on weekdays.</p></body></html>";

        using var response = await client.UploadAsync("prices.html", html);
        var raw = await response.Content.ReadAsStringAsync(Ct);
        using var search = await client.GetAsync("/api/v1/knowledge/search?q=haircut%20price", Ct);
        var searched = await search.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", searched, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(2)", searched, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("long")]
    [InlineData("the of and what is")]
    [InlineData("¿¡!?")]
    public async Task A_query_that_matches_nothing_gets_an_honest_answer_without_sources(string query)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        var text = query == "long" ? string.Concat(Enumerable.Repeat("zzqx ", 2000)) : query;

        var search = await client.GetJsonAsync($"/api/v1/knowledge/search?q={Uri.EscapeDataString(text)}");
        var session = (string)(await client.PostJsonAsync("/api/v1/sessions", new { agent = "support" }))["id"]!;
        var turn = await client.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = text[..Math.Min(text.Length, 2000)] });

        Assert.Empty(search["results"]!.AsArray());
        Assert.Equal("NOTHING_FOUND", (string?)turn["action"]);
        Assert.Empty(turn["sources"]!.AsArray());
        Assert.DoesNotContain("[1]", (string?)turn["reply"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/knowledge/search", "q")]
    [InlineData("/api/v1/knowledge/search?q=cake&limit=0", "limit")]
    [InlineData("/api/v1/knowledge/search?q=cake&limit=ten", "limit")]
    public async Task A_bad_search_parameter_is_a_problem_naming_it(string path, string field)
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        using var response = await app.OperatorClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (string?)(await response.ReadObjectAsync())["field"]);
    }

    [Fact]
    public async Task An_upload_that_is_not_multipart_or_has_no_file_is_refused()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();

        using var json = await client.PostAsync(KnowledgeUploads.Documents, Json.Body("{}"), Ct);
        using var noFile = await client.PostAsync(KnowledgeUploads.Documents, new MultipartFormDataContent { { new StringContent("x"), "title" } }, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "file_missing"), (noFile.StatusCode, (string?)(await noFile.ReadObjectAsync())["code"]));
    }

    [Fact]
    public async Task A_multipart_upload_cut_before_its_closing_boundary_is_400_naming_the_file_and_keeps_nothing()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.OperatorClient();
        using var form = new MultipartFormDataContent("cut-boundary") { { new ByteArrayContent(Encoding.UTF8.GetBytes("# Returns\n\nWithin 30 days.")), "file", "returns.md" } };
        var whole = await form.ReadAsByteArrayAsync(Ct);
        var before = (await client.GetJsonAsync(KnowledgeUploads.Documents))["documents"]!.AsArray().Count;

        using var response = await client.PostAsync(KnowledgeUploads.Documents, Json.Raw(whole[..(whole.Length / 2)], "multipart/form-data; boundary=cut-boundary"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("file", (string?)(await response.ReadObjectAsync())["field"]);
        Assert.Equal(before, (await client.GetJsonAsync(KnowledgeUploads.Documents))["documents"]!.AsArray().Count);
    }

    [Fact]
    public async Task Deleting_another_tenants_document_is_404_and_writes_nothing()
    {
        var databaseUrl = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new ConciergeApp(databaseUrl);
        var theirs = app.OperatorClient((await app.AddTenantAsync("other-shop")).Id);
        using var uploaded = await theirs.UploadAsync("returns.md", "# Returns\n\nWithin 30 days.");
        var id = (string)(await uploaded.ReadObjectAsync())["id"]!;
        var mine = app.OperatorClient();
        await using var database = await DatabaseSnapshot.OpenAsync(databaseUrl, Ct);
        var before = await database.TakeAsync(Ct);

        using var deleted = await mine.DeleteAsync($"{KnowledgeUploads.Documents}/{id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Empty(DatabaseSnapshot.Changes(before, await database.TakeAsync(Ct)));
    }

    [Fact]
    public async Task A_body_larger_than_the_upload_limit_is_refused_before_it_is_read()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), new Dictionary<string, string?> { ["KNOWLEDGE_MAX_BYTES"] = "4096" });

        using var response = await app.OperatorClient().UploadAsync("huge.txt", new byte[200 * 1024]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_large_binary_named_txt_ends_failed_with_the_reason_after_its_job()
    {
        await using var app = new ConciergeApp(
            await TestDatabase.CreateAsync(DatabaseKind.Sqlite),
            new Dictionary<string, string?> { ["Concierge:Knowledge:InlineIndexBytes"] = "16", ["Concierge:Jobs:PollInterval"] = "20ms" });
        var client = app.OperatorClient();
        using var uploaded = await client.UploadAsync("holiday.txt", Bytes("png"));
        var id = (string)(await uploaded.ReadObjectAsync())["id"]!;

        var waited = System.Diagnostics.Stopwatch.StartNew();
        System.Text.Json.Nodes.JsonNode shown;
        do
        {
            await Task.Delay(50, Ct);
            shown = (await client.GetJsonAsync($"/api/v1/knowledge/documents/{id}"))["document"]!;
        }
        while ((string?)shown["status"] == "indexing" && waited.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Equal("failed", (string?)shown["status"]);
        Assert.StartsWith("unsupported_type", (string?)shown["failure_reason"], StringComparison.Ordinal);
    }

    private static byte[] Bytes(string content) => content switch
    {
        "empty" => [],
        "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0],
        "scripts" => Encoding.UTF8.GetBytes("<html><head><script>alert(1)</script><style>p{}</style></head><body><script>x()</script></body></html>"),
        "blank" => Encoding.UTF8.GetBytes("   \n\n  \t \n"),
        "pdf-without-text" => EmptyPdf(),
        "oversize" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("All work and no play. ", 400))),
        _ => throw new ArgumentOutOfRangeException(nameof(content)),
    };

    private static byte[] EmptyPdf()
    {
        using var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        return builder.Build();
    }
}
