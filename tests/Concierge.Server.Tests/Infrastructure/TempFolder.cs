namespace Concierge.Server.Tests.Infrastructure;

/// <summary>A temp folder that is removed with everything in it when the test is done.</summary>
public sealed class TempFolder : IDisposable
{
    public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("concierge-test-");

    public string Path => Directory.FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A server process that has not quite let go of its files: the OS temp cleaner takes it.
        }
    }
}
