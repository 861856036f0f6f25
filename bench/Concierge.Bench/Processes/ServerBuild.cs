using System.Diagnostics;

namespace Concierge.Bench.Processes;

/// <summary>
/// The Concierge server's Release build output, built first when it is missing or older than any
/// source it is made from, so that a benchmark never measures yesterday's code by accident.
/// </summary>
public static class ServerBuild
{
    private static readonly string[] SourcePatterns = ["*.cs", "*.csproj", "*.sql", "*.json", "*.props"];

    /// <summary>The repository root: the folder holding Concierge.slnx, above this executable or the working directory.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Concierge.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Concierge.slnx not found above the bench executable or the working directory.");
    }

    public static async Task<string> EnsureAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "src", "Concierge.Server", "bin", "Release", "net10.0", "Concierge.Server.dll");
        var newestSource = NewestSource(root);
        if (File.Exists(dll) && File.GetLastWriteTimeUtc(dll) >= newestSource)
        {
            return dll;
        }

        await log.WriteLineAsync($"Building the server in Release ({(File.Exists(dll) ? "sources changed" : "no build yet")})...");
        var start = new ProcessStartInfo("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", Path.Combine(root, "src", "Concierge.Server")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        using var build = Process.Start(start)!;
        var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = build.StandardError.ReadToEndAsync(cancellationToken);
        await build.WaitForExitAsync(cancellationToken);
        if (build.ExitCode != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"dotnet build -c Release src/Concierge.Server failed:{Environment.NewLine}{await output}{await errors}");
        }

        // An up-to-date build may leave the dll's time alone: touch it so the next run skips the build.
        File.SetLastWriteTimeUtc(dll, DateTime.UtcNow);
        return dll;
    }

    private static DateTime NewestSource(string root) =>
        new[] { Path.Combine(root, "src") }
            .SelectMany(dir => SourcePatterns.SelectMany(pattern => Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories)))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Append(Path.Combine(root, "Directory.Build.props"))
            .Append(Path.Combine(root, "Directory.Packages.props"))
            .Where(File.Exists)
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();
}
