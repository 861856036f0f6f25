using Concierge.Knowledge.Intake;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Concierge.Tests.Knowledge;

/// <summary>The measured test set's documents: the files in Corpus/ plus one PDF written here.</summary>
internal static class KnowledgeCorpus
{
    public const string PdfFileName = "harbor-fitness-membership.pdf";

    private static readonly string[] GymTerms =
    [
        "# Harbor Fitness Membership Terms",
        "These terms apply to every membership of Harbor Fitness, 3 Dock Lane.",
        "# Membership plans",
        "A monthly membership costs 35 euros and renews every month. An annual membership costs 350 euros paid upfront. Students with a valid card get 20 percent off either plan.",
        "# Freezing your membership",
        "Members may freeze their membership for up to three months in a year, for example while travelling, for illness or after an injury. A frozen month costs 5 euros instead of the full fee. Ask at reception at least seven days before the freeze starts.",
        "# Cancellation",
        "Monthly memberships can be cancelled with 30 days' written notice, by email or at reception. Annual memberships cannot be cancelled during the first twelve months, except for medical reasons with a doctor's letter.",
        "# Guests",
        "Members may bring a guest twice a month. Guests pay 8 euros a visit, must be at least 16 years old and sign a health form at reception.",
        "# Opening hours",
        "The club opens from 6:00 to 23:00 on weekdays and from 8:00 to 20:00 at weekends and on public holidays.",
        "# Lockers and towels",
        "Day lockers are free and must be emptied before closing time. Towels can be rented for 2 euros.",
    ];

    public static string Directory { get; } = FindCorpus();

    /// <summary>Every document as (file name, bytes), the PDF included.</summary>
    public static IReadOnlyList<(string FileName, byte[] Content)> Files()
    {
        var files = System.IO.Directory.GetFiles(Directory)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
        files.Add((PdfFileName, Pdf(GymTerms)));
        return files;
    }

    /// <summary>
    /// A PDF with real text, written with PdfPig's builder. Lines starting "# " are set larger and
    /// bold, like headings; paragraphs are wrapped and separated by a gap.
    /// </summary>
    public static byte[] Pdf(IEnumerable<string> paragraphs)
    {
        using var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.A4);
        var y = 800.0;
        foreach (var paragraph in paragraphs)
        {
            var heading = paragraph.StartsWith("# ", StringComparison.Ordinal);
            var size = heading ? 14 : 10;
            foreach (var line in Wrap(heading ? paragraph[2..] : paragraph, 95))
            {
                if (y < 60)
                {
                    page = builder.AddPage(PageSize.A4);
                    y = 800;
                }

                page.AddText(line, size, new PdfPoint(50, y), heading ? bold : regular);
                y -= size + 4;
            }

            y -= 12;
        }

        return builder.Build();
    }

    public static DocumentText Accept(string fileName, byte[] content)
    {
        var result = DocumentIntake.Inspect(fileName, content, 1024 * 1024);
        Assert.True(result.IsAccepted, $"{fileName} was refused: {result.Refusal?.Code} {result.Refusal?.Message}");
        return result.Document;
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = string.Empty;
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = string.Empty;
            }

            line = line.Length == 0 ? word : $"{line} {word}";
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }

    // The documents live beside this source file; tests run from bin/, so walk up to the repository.
    private static string FindCorpus()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Concierge.Tests", "Knowledge", "Corpus");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Concierge.Tests/Knowledge/Corpus was not found above " + AppContext.BaseDirectory);
    }
}
