using System.Net.Http.Headers;
using System.Text;

namespace Concierge.Server.Tests.Knowledge;

/// <summary>Multipart uploads to the knowledge API, as curl -F sends them.</summary>
internal static class KnowledgeUploads
{
    public const string Documents = "/api/v1/knowledge/documents";

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string fileName, string text, string? title = null, string? agent = null) =>
        client.UploadAsync(fileName, Encoding.UTF8.GetBytes(text), title, agent);

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string fileName, byte[] bytes, string? title = null, string? agent = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }

        if (agent is not null)
        {
            form.Add(new StringContent(agent), "agent");
        }

        return await client.PostAsync(Documents, form);
    }
}
