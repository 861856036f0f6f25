namespace Concierge.Skills.Templates;

/// <summary>The HEADER formats Concierge accepts.</summary>
public static class HeaderFormat
{
    public const string Text = "TEXT";
    public const string Image = "IMAGE";
    public const string Video = "VIDEO";
    public const string Document = "DOCUMENT";
    public const string Location = "LOCATION";

    public static IReadOnlyList<string> All { get; } = [Text, Image, Video, Document, Location];

    /// <summary>True for IMAGE, VIDEO and DOCUMENT: the formats that need a <c>header_handle</c> example.</summary>
    public static bool IsMedia(string? format) => format is Image or Video or Document;
}
