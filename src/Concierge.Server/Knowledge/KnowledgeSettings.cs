using Concierge.Configuration;

namespace Concierge.Server.Knowledge;

/// <summary>
/// The knowledge settings: the largest upload (<c>KNOWLEDGE_MAX_BYTES</c>, 10 MiB by default) and
/// the size above which a document is indexed by a job instead of during the upload request, and
/// the embeddings model (<c>EMBEDDINGS_MODEL</c>) that turns hybrid search on.
/// </summary>
public sealed record KnowledgeSettings(int MaxBytes, int InlineIndexBytes, string? EmbeddingsModel = null)
{
    private const string Section = "Concierge:Knowledge:";

    public static readonly IReadOnlyList<SettingAlias> Aliases =
    [
        new("KNOWLEDGE_MAX_BYTES", Section + "MaxBytes"),
        new("EMBEDDINGS_MODEL", Section + "EmbeddingsModel"),
    ];

    /// <summary>What a multipart body may add around the file (boundaries, headers, the other fields).</summary>
    public const int MultipartOverhead = 64 * 1024;

    public long MaxRequestBytes => (long)MaxBytes + MultipartOverhead;

    public static KnowledgeSettings Bind(IConfiguration configuration)
    {
        var maxBytes = Settings.Int(configuration, Section + "MaxBytes", 10 * 1024 * 1024);
        if (maxBytes is < 1024 or > 100 * 1024 * 1024)
        {
            throw new InvalidSettingException("KNOWLEDGE_MAX_BYTES", $"must be between 1024 and 104857600, got {maxBytes}");
        }

        var inline = Settings.Int(configuration, Section + "InlineIndexBytes", 256 * 1024);
        return inline < 0
            ? throw new InvalidSettingException(Section + "InlineIndexBytes", $"must be 0 or more, got {inline}")
            : new KnowledgeSettings(maxBytes, inline, Settings.String(configuration, Section + "EmbeddingsModel")?.Trim() is { Length: > 0 } model ? model : null);
    }
}
