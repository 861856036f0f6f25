using System.Net;
using System.Net.Sockets;

namespace Concierge.Bench.Processes;

internal static class FreePort
{
    /// <summary>A loopback port the OS has just handed out (and we released): free unless raced.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
