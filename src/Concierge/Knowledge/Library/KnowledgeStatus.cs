namespace Concierge.Knowledge.Library;

/// <summary>A document's indexing status, as stored and shown: <c>indexing</c> → <c>ready</c> or <c>failed</c>.</summary>
public static class KnowledgeStatus
{
    public const string Indexing = "indexing";
    public const string Ready = "ready";
    public const string Failed = "failed";
}
