using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Concierge.Channels;
using Concierge.Server.Configuration;
using Concierge.Storage.Channels;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Concierge.Server.Channels;

/// <summary>
/// Channel secrets at rest: ASP.NET Core Data Protection (authenticated encryption, key rotation)
/// whose key ring is shared by every instance: kept in the database (<c>data_protection_keys</c>),
/// or in DATA_PROTECTION_KEYS_PATH when set. Each key's XML is itself encrypted with AES-GCM under a
/// key derived from SECRET_KEY (SECRET_KEY_PREVIOUS still opens older ones), so a copy of the
/// database alone opens nothing, while two instances and a restart with the same SECRET_KEY do.
/// </summary>
public static class SecretProtection
{
    public const string Purpose = "Concierge.Channels.Secrets.v1";

    public static IServiceCollection AddSecretProtection(this IServiceCollection services, ChannelSettings settings)
    {
        var builder = services.AddDataProtection().SetApplicationName("concierge");
        if (settings.KeysPath is { } path)
        {
            builder.PersistKeysToFileSystem(new DirectoryInfo(path));
        }
        else
        {
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<SqlChannelStore>())));
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlEncryptor = new SecretKeyXmlEncryptor(sp.GetRequiredService<AuthSettings>())));
        services.AddSingleton<ChannelSecretProtector>();
        return services;
    }
}

/// <summary>Opens and seals a <see cref="ChannelSecrets"/> with the Data Protection key ring.</summary>
public sealed class ChannelSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector(SecretProtection.Purpose);

    public string Protect(ChannelSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var json = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["access_token"] = secrets.AccessToken,
            ["app_secret"] = secrets.AppSecret,
            ["verify_token"] = secrets.VerifyToken,
            ["auth_token"] = secrets.AuthToken,
        });
        return _protector.Protect(json);
    }

    /// <summary>The secrets, or null when they cannot be opened (a different SECRET_KEY, a lost key ring).</summary>
    public ChannelSecrets? TryUnprotect(string protectedSecrets)
    {
        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(_protector.Unprotect(protectedSecrets)) ?? [];
            return new ChannelSecrets(values.GetValueOrDefault("access_token"), values.GetValueOrDefault("app_secret"), values.GetValueOrDefault("verify_token"), values.GetValueOrDefault("auth_token"));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>The key ring in the database, so that every instance on it reads and writes the same keys.</summary>
public sealed class DatabaseXmlRepository(SqlChannelStore store) : IXmlRepository
{
    // Data Protection calls these synchronously, rarely (start, key creation, rotation).
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.KeysAsync(CancellationToken.None).GetAwaiter().GetResult().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.StoreKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), CancellationToken.None).GetAwaiter().GetResult();
    }
}

/// <summary>Encrypts each Data Protection key with AES-256-GCM under a key derived (HKDF-SHA256) from SECRET_KEY.</summary>
public sealed class SecretKeyXmlEncryptor(AuthSettings auth) : IXmlEncryptor
{
    internal static readonly byte[] Info = Encoding.UTF8.GetBytes("concierge data protection key encryption v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var key = Derive(auth.SigningKey);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(key, 16))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        var element = new XElement(
            "encryptedKey",
            new XComment(" Encrypted with a key derived from SECRET_KEY. "),
            new XElement("keyId", Convert.ToHexStringLower(SHA256.HashData(key))[..16]),
            new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. cipher])));
        return new EncryptedXmlInfo(element, typeof(SecretKeyXmlDecryptor));
    }

    internal static byte[] Derive(byte[] secret) => HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Info);
}

/// <summary>Opens what <see cref="SecretKeyXmlEncryptor"/> sealed, with SECRET_KEY or SECRET_KEY_PREVIOUS. Created by Data Protection through its service provider.</summary>
public sealed class SecretKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var auth = services.GetRequiredService<AuthSettings>();
        var blob = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? throw new CryptographicException("No value in the encrypted key."));
        if (blob.Length < 28)
        {
            throw new CryptographicException("The encrypted key is too short.");
        }

        foreach (var secret in new[] { auth.SigningKey, auth.PreviousKey }.OfType<byte[]>())
        {
            var plain = new byte[blob.Length - 28];
            try
            {
                using var aes = new AesGcm(SecretKeyXmlEncryptor.Derive(secret), 16);
                aes.Decrypt(blob.AsSpan(0, 12), blob.AsSpan(28), blob.AsSpan(12, 16), plain);
                return XElement.Parse(Encoding.UTF8.GetString(plain));
            }
            catch (AuthenticationTagMismatchException)
            {
            }
        }

        throw new CryptographicException("The Data Protection key was encrypted under another SECRET_KEY.");
    }
}
