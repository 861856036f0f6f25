using System.Globalization;
using System.Text;

namespace Concierge.Server.Tests.Faults;

/// <summary>
/// What a fault scenario proved: how many items clients were told succeeded, how many of those the
/// checker could not find (lost) or found more than once (duplicated), how the other requests were
/// refused, and how long recovery took. Printed to the test output; appended as one line to the file
/// named by CONCIERGE_FAULTS_REPORT when set (docs/reliability.md is written from it).
/// </summary>
public sealed record FaultReport(
    string Scenario,
    IReadOnlyDictionary<AckKind, int> Acknowledged,
    IReadOnlyList<string> Lost,
    IReadOnlyList<string> Duplicated,
    IReadOnlyDictionary<string, int> Refusals,
    IReadOnlyDictionary<string, string> Measures)
{
    /// <summary>
    /// Replies queued once that the provider received twice: the instance died after Graph accepted
    /// the message and before it recorded so, and the send ran again (Graph has no idempotency key).
    /// Reported, not failed: the send is at-least-once by design.
    /// </summary>
    public IReadOnlyList<string> SentTwiceAtProvider { get; init; } = [];

    public int Total => Acknowledged.Values.Sum();

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Scenario}: acknowledged {Total} (");
        text.AppendJoin(", ", Acknowledged.Select(a => $"{a.Key.ToString().ToLowerInvariant()} {a.Value}"));
        text.Append(CultureInfo.InvariantCulture, $"), lost {Lost.Count}, duplicated {Duplicated.Count}");
        if (SentTwiceAtProvider.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", sent twice at the provider {SentTwiceAtProvider.Count} ({string.Join("; ", SentTwiceAtProvider.Take(3))})");
        }

        foreach (var (name, value) in Measures)
        {
            text.Append(CultureInfo.InvariantCulture, $", {name} {value}");
        }

        if (Refusals.Count > 0)
        {
            text.Append("; refused: ").AppendJoin(", ", Refusals.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} x{r.Value}"));
        }

        return text.ToString();
    }

    /// <summary>Prints the report, records it, and fails on any loss or duplicate (listing the first few).</summary>
    public void Assert()
    {
        TestContext.Current.SendDiagnosticMessage(ToString());
        TestContext.Current.TestOutputHelper?.WriteLine(ToString());
        if (Environment.GetEnvironmentVariable("CONCIERGE_FAULTS_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"{DateTimeOffset.UtcNow:u} {(FaultScale.Long ? "long" : "short")} {this}{Environment.NewLine}");
        }

        Xunit.Assert.True(Total > 0, $"{Scenario}: nothing was acknowledged, so nothing was proven. {this}");
        Xunit.Assert.True(Lost.Count == 0, $"{this}{Environment.NewLine}lost: {string.Join("; ", Lost.Take(10))}");
        Xunit.Assert.True(Duplicated.Count == 0, $"{this}{Environment.NewLine}duplicated: {string.Join("; ", Duplicated.Take(10))}");
    }

    public static string Seconds(TimeSpan? span) => span is { } s ? s.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture) : "never";
}
