using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Concierge.Testing.Browser;

/// <summary>
/// Full-page PNG screenshots a person can look at after a test run, in <see cref="Folder"/>
/// (<c>artifacts/screenshots/</c> at the repository's root, kept out of git; SCREENSHOTS_DIR
/// overrides it). Each saved path is printed to the test's output and as a diagnostic message.
/// </summary>
public static partial class Screenshots
{
    private static readonly Lazy<string> Root = new(FindFolder);

    public static string Folder => Root.Value;

    /// <summary>Saves <paramref name="page"/> as <c>{name}.png</c> (the name made file-safe) and returns the path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, Unsafe().Replace(name, "-") + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        var line = $"screenshot: {path}";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
        return path;
    }

    private static string FindFolder()
    {
        var configured = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Concierge.slnx")))
            {
                return Path.Combine(folder.FullName, "artifacts", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();
}
