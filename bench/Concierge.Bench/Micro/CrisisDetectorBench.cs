using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Concierge.Safety;

namespace Concierge.Bench.Micro;

/// <summary>
/// An in-process micro bench of the offline crisis detector, the safety step every turn runs:
/// the labelled messages of tests/Concierge.Tests/Safety/*.json (each with its earlier messages),
/// plus a 2,000-character message, timed one call at a time after a warm-up. It answers one
/// question: what detection adds to a turn. Run it in Release (docs/benchmarks.md).
/// </summary>
public static class CrisisDetectorBench
{
    public const string Mode = "crisis-detector";

    public static int Run(string[] args, TextWriter output)
    {
        var quick = args.Contains("--quick");
        var cases = LoadCases();
        var longText = string.Concat(Enumerable.Repeat("hoy fue un día largo en el trabajo y estoy cansada, ", 40))[..2000];
        cases.Add((longText, []));

        var rounds = quick ? 2 : 30;
        var warmup = quick ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(3);

        var built = Stopwatch.StartNew();
        var detector = new CrisisDetector();
        detector.Assess("warm", []);
        built.Stop();

        var until = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            foreach (var (text, previous) in cases)
            {
                detector.Assess(text, previous);
            }
        }

        var samples = new List<double>(cases.Count * rounds);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var crises = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (text, previous) in cases)
            {
                var start = Stopwatch.GetTimestamp();
                var assessment = detector.Assess(text, previous);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                crises += assessment.IsCrisis ? 1 : 0;
            }
        }

        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"crisis detector: {cases.Count} messages x {rounds} rounds = {samples.Count} calls ({crises / rounds} crises per round), built in {built.Elapsed.TotalMilliseconds:0} ms"));
        output.WriteLine(string.Create(c, $"  per message: mean {samples.Average():0.000} ms, p50 {At(0.50):0.000} ms, p99 {At(0.99):0.000} ms, max {samples[^1]:0.000} ms"));
        output.WriteLine(string.Create(c, $"  CPU per message {cpu.TotalMilliseconds / samples.Count:0.000} ms, wall per message {wall.Elapsed.TotalMilliseconds / samples.Count:0.000} ms"));
        var verdict = At(0.99) < 1.0 ? "under" : "NOT under";
        output.WriteLine($"  p99 is {verdict} the 1 ms target");
        return 0;
    }

    private static List<(string Text, IReadOnlyList<string> Previous)> LoadCases()
    {
        var folder = FindSafetyFolder();
        var cases = new List<(string, IReadOnlyList<string>)>();
        foreach (var file in Directory.GetFiles(folder, "crisis-*.json").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var item in json.RootElement.EnumerateArray())
            {
                var previous = item.TryGetProperty("previous", out var p) ? p.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList() : [];
                cases.Add((item.GetProperty("text").GetString() ?? string.Empty, previous));
            }
        }

        return cases;
    }

    private static string FindSafetyFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Concierge.Tests", "Safety");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ArgumentException("tests/Concierge.Tests/Safety (the labelled messages) was not found above the bench's folder.");
    }
}
