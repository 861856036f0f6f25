using System.Security.Cryptography;
using System.Text;

namespace Concierge.Channels;

/// <summary>
/// Ids derived from a name (SHA-256 of it, as an RFC 9562 version 8 UUID): every process computes
/// the same id for the same name, so a primary key makes two writers of one thing meet.
/// </summary>
public static class NameIds
{
    public static Guid Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
