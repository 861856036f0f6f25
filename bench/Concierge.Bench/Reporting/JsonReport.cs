using System.Text.Json;
using Concierge.Bench.Scenarios;

namespace Concierge.Bench.Reporting;

/// <summary>Every result as JSON (snake_case), for the CI test and for comparing runs.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static async Task WriteAsync(string path, BenchOptions options, IReadOnlyList<ScenarioResult> results)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, new { options, results }, Options);
    }
}
