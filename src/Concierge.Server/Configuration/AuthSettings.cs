using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Concierge.Server.Configuration;

/// <summary>
/// How tokens are signed and checked: SECRET_KEY (HS256), SECRET_KEY_PREVIOUS (still accepted, so
/// a rotation logs nobody out at once), issuer, audience, lifetime, and the deployment's default
/// public agent (what an anonymous seed-000 client reaches).
/// </summary>
public sealed record AuthSettings(
    byte[] SigningKey,
    byte[]? PreviousKey,
    string Issuer,
    string Audience,
    TimeSpan TokenLifetime,
    string? DefaultAgentKey,
    bool KeyGenerated)
{
    public const int MinSecretLength = 32;
    private const string Section = "Concierge:Auth:";

    public static readonly IReadOnlyList<SettingAlias> Aliases =
    [
        new("SECRET_KEY", Section + "SecretKey"),
        new("SECRET_KEY_PREVIOUS", Section + "PreviousSecretKey"),
    ];

    // Values that appear in tutorials and .env examples; a deployment that kept one is not secret.
    private static readonly string[] KnownDefaults =
    [
        "changeme", "change-me", "change_me", "secret", "secret-key", "secretkey", "your-secret-key", "your-secret-key-here",
        "your_secret_key", "supersecret", "super-secret-key", "change-this-in-production", "changethisinproduction",
        "your-super-secret-key-change-in-production", "your-super-secret-key-change-this-in-production", "development-secret-key",
        "dev-secret-key", "please-change-me", "insecure-default-secret-key-change-me",
    ];

    public static AuthSettings Bind(IConfiguration configuration, IHostEnvironment environment)
    {
        var secret = Settings.String(configuration, Section + "SecretKey");
        var generated = false;
        if (secret is null && environment.IsDevelopment())
        {
            // The content root is the working folder, where the default SQLite file lives too.
            secret = DevelopmentSecret(Path.Combine(environment.ContentRootPath, DevelopmentSecretFile));
            generated = true;
        }

        var key = Check(secret, "SECRET_KEY") ?? throw new InvalidSettingException("SECRET_KEY", "is required outside Development (at least 32 random characters, e.g. `openssl rand -base64 48`)");
        var previous = Check(Settings.String(configuration, Section + "PreviousSecretKey"), "SECRET_KEY_PREVIOUS");

        var lifetimeText = Settings.String(configuration, Section + "TokenLifetime");
        var lifetime = TimeSpan.FromHours(1);
        if (lifetimeText is not null
            && !(TimeSpan.TryParse(lifetimeText, CultureInfo.InvariantCulture, out lifetime) && lifetime >= TimeSpan.FromMinutes(1) && lifetime <= TimeSpan.FromDays(30)))
        {
            throw new InvalidSettingException(Section + "TokenLifetime", $"'{Shorten(lifetimeText)}' is not a duration between 00:01:00 and 30.00:00:00 (e.g. 01:00:00)");
        }

        var defaultAgent = configuration[Section + "DefaultAgentKey"];
        return new AuthSettings(
            key,
            previous,
            Settings.String(configuration, Section + "Issuer") ?? "concierge",
            Settings.String(configuration, Section + "Audience") ?? "concierge-api",
            lifetime,
            defaultAgent is null ? Concierge.Agents.DemoTenant.AgentPublicKey : defaultAgent.Trim() is { Length: > 0 } k ? k : null,
            generated);
    }

    /// <summary>Where Development keeps the key it made, from the working folder.</summary>
    public const string DevelopmentSecretFile = "data/development-secret-key";

    // A key made once and kept: a new one per start would void the tokens and the stored channel
    // secrets (Data Protection keys are sealed with it) of the database the last run left.
    private static string DevelopmentSecret(string path)
    {
        try
        {
            if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= MinSecretLength } kept)
            {
                return kept;
            }

            var made = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Environment.ProcessId;
            File.WriteAllText(temporary, made);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, path, overwrite: true);
            return made;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only folder: this run's own key, as before.
            return Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        }
    }

    private static byte[]? Check(string? secret, string name)
    {
        if (secret is null)
        {
            return null;
        }

        if (secret.Length < MinSecretLength)
        {
            throw new InvalidSettingException(name, $"must be at least {MinSecretLength} characters, got {secret.Length}");
        }

        if (KnownDefaults.Contains(secret.Trim().ToLowerInvariant()) || secret.Distinct().Count() < 8)
        {
            throw new InvalidSettingException(name, "is a known default or placeholder value; generate one with `openssl rand -base64 48`");
        }

        return Encoding.UTF8.GetBytes(secret);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
