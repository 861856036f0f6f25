using System.Text.Json.Nodes;

namespace Concierge.Testing;

/// <summary>A request as a fake outside service received it, for tests to assert what the client really sent.</summary>
/// <param name="Body">The body parsed as JSON, or null when it was empty or not JSON (see <paramref name="RawBody"/>).</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string RawBody,
    JsonNode? Body,
    DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
