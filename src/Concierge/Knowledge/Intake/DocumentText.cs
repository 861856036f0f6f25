namespace Concierge.Knowledge.Intake;

/// <summary>An accepted upload: its safe name, what it is, its content hash and the text a reader would see.</summary>
/// <param name="FileName">A display name safe to store and show: no path parts, no control characters.</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the uploaded bytes, to spot the same file uploaded twice.</param>
/// <param name="Title">The document's own title (HTML title, first top heading, PDF metadata) or the file name.</param>
/// <param name="Language">The guessed language of the text: "en", "es" or "pt".</param>
/// <param name="Text">The blocks' text joined by blank lines; chunk offsets point into it.</param>
/// <param name="Truncated">True when a limit (pages, characters) stopped the extraction early.</param>
public sealed record DocumentText(
    string FileName,
    DocumentType Type,
    string ContentHash,
    string Title,
    string Language,
    string Text,
    IReadOnlyList<TextBlock> Blocks,
    bool Truncated);
