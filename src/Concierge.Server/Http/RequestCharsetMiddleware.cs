using System.Text;
using Concierge.Server.Errors;
using Microsoft.Net.Http.Headers;

namespace Concierge.Server.Http;

/// <summary>
/// Refuses a body whose Content-Type names a charset .NET cannot decode (<c>application/json;
/// charset=klingon</c>) with a 415 problem, before an endpoint reads it: the framework's JSON
/// reader throws a plain InvalidOperationException for it, which would be a 500.
/// </summary>
public sealed class RequestCharsetMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType is { } header
            && MediaTypeHeaderValue.TryParse(header, out var mediaType)
            && mediaType.Charset is { Length: > 0 } charset
            && !IsKnown(charset.Value!))
        {
            return ProblemWriter.WriteAsync(context, Problem.UnsupportedMediaType, $"The body's charset '{Shorten(charset.Value!)}' is not one the server reads; send UTF-8.", "Content-Type");
        }

        return next(context);
    }

    private static bool IsKnown(string charset)
    {
        try
        {
            // Quoted charsets ("utf-8") are legal in the header; the framework's reader unquotes them too.
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
