using System.Security.Cryptography;
using Concierge.Agents;
using Concierge.Knowledge.Library;

namespace Concierge.Server.Knowledge;

/// <summary>
/// Loads Concierge's own FAQ (Markdown files embedded in the server, Knowledge/Faq) as the demo
/// tenant's documents for the stock <c>support</c> agent, so a fresh <c>dotnet run</c> answers
/// from documents. Idempotent: a file whose content the tenant already has is skipped, so a
/// restart, or a second instance, adds nothing; an edited file is added beside the old one.
/// </summary>
public static class KnowledgeSeeder
{
    private const string Prefix = "Concierge.Server.Knowledge.Faq.";

    public static async Task SeedKnowledgeAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IKnowledgeStore>();
        var indexer = services.GetRequiredService<KnowledgeIndexer>();
        var assembly = typeof(KnowledgeSeeder).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            await using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            var content = buffer.ToArray();
            var hash = Convert.ToHexStringLower(SHA256.HashData(content));
            if (await store.FindByHashAsync(DemoTenant.TenantId, hash, cancellationToken) is not null)
            {
                continue;
            }

            var fileName = resource[Prefix.Length..];
            var added = await store.AddAsync(new NewDocument(DemoTenant.TenantId, DemoTenant.Support.Key, null, fileName, hash, content), cancellationToken);
            if (added is not null)
            {
                await indexer.IndexAsync(DemoTenant.TenantId, added.Id, cancellationToken);
            }
        }
    }
}
