using System.Net;

namespace Concierge.Server.RateLimits;

/// <summary>
/// The caller's IP address: the connection's, or, when the connection comes from a configured
/// known proxy, the nearest X-Forwarded-For entry that is not itself a known proxy. A header from
/// anyone else is ignored, so a client cannot pick its own rate-limit bucket.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context, IReadOnlyList<IPAddress> knownProxies)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return "unknown";
        }

        if (knownProxies.Count == 0 || !IsKnown(remote, knownProxies))
        {
            return Normal(remote);
        }

        var hops = context.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop))
            {
                break;
            }

            if (!IsKnown(hop, knownProxies))
            {
                return Normal(hop);
            }
        }

        return Normal(remote);
    }

    private static bool IsKnown(IPAddress address, IReadOnlyList<IPAddress> proxies)
    {
        var normal = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return proxies.Any(p => p.Equals(normal));
    }

    private static string Normal(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
