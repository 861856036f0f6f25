namespace Concierge.Testing.Postgres;

/// <summary>Debian's PostgreSQL server binaries (package "postgresql"), the newest installed version.</summary>
public sealed record PostgresBinaries(string BinDirectory, int MajorVersion)
{
    public const string Root = "/usr/lib/postgresql";

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string Postgres => Path.Combine(BinDirectory, "postgres");

    /// <summary>The newest version that has both initdb and postgres, or null when none is installed.</summary>
    public static PostgresBinaries? Find()
    {
        if (!Directory.Exists(Root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(Root)
            .Select(dir => (Dir: dir, Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
            .Where(x => x.Version > 0
                && File.Exists(Path.Combine(x.Dir, "bin", "initdb"))
                && File.Exists(Path.Combine(x.Dir, "bin", "postgres")))
            .OrderByDescending(x => x.Version)
            .Select(x => new PostgresBinaries(Path.Combine(x.Dir, "bin"), x.Version))
            .FirstOrDefault();
    }
}
