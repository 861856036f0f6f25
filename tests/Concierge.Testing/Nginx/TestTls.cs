using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Concierge.Testing.Nginx;

/// <summary>
/// A certificate authority made for one test run and a server certificate it signed for
/// 127.0.0.1 and localhost, written as PEM files nginx reads (the certificate chain and the
/// private key). Clients trust exactly this CA (<see cref="Handler"/>), never "any certificate":
/// a wrong name, an expired or foreign certificate still fails as it would in production.
/// </summary>
public sealed class TestTls : IDisposable
{
    private TestTls(X509Certificate2 authority, X509Certificate2 server, string certificateFile, string keyFile)
    {
        Authority = authority;
        Server = server;
        CertificateFile = certificateFile;
        KeyFile = keyFile;
    }

    /// <summary>The test CA (public part only): the one root the test clients trust.</summary>
    public X509Certificate2 Authority { get; }

    public X509Certificate2 Server { get; }

    /// <summary>fullchain.pem: the server certificate, then the CA's.</summary>
    public string CertificateFile { get; }

    /// <summary>privkey.pem: the server's key, PKCS#8.</summary>
    public string KeyFile { get; }

    /// <summary>A CA and a server certificate valid for a day, their PEM files in <paramref name="folder"/>.</summary>
    public static TestTls Create(string folder)
    {
        var now = DateTimeOffset.UtcNow;
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=Concierge Test CA", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        using var authorityWithKey = authorityRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authorityWithKey, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var server = serverRequest.Create(authorityWithKey, now.AddMinutes(-5), now.AddHours(23), serial);

        var certificateFile = Path.Combine(folder, "fullchain.pem");
        var keyFile = Path.Combine(folder, "privkey.pem");
        File.WriteAllText(certificateFile, server.ExportCertificatePem() + "\n" + authorityWithKey.ExportCertificatePem() + "\n");
        File.WriteAllText(keyFile, serverKey.ExportPkcs8PrivateKeyPem() + "\n");
        return new TestTls(X509CertificateLoader.LoadCertificate(authorityWithKey.RawData), server, certificateFile, keyFile);
    }

    /// <summary>A handler whose only trusted root is the test CA (no revocation lists exist for it).</summary>
    public SocketsHttpHandler Handler() => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { Authority },
                RevocationMode = X509RevocationMode.NoCheck,
            },
        },
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
