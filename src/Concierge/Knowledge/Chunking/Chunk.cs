namespace Concierge.Knowledge.Chunking;

/// <summary>A piece of a document to index and cite.</summary>
/// <param name="Ordinal">0, 1, 2… in document order.</param>
/// <param name="HeadingPath">The headings above the text, outermost first: "Billing > Refunds"; empty when there are none.</param>
/// <param name="Text">Exactly <c>DocumentText.Text[Start..End]</c>.</param>
/// <param name="Start">Offset of the first character in the document's text.</param>
/// <param name="End">Offset just past the last character.</param>
public sealed record Chunk(int Ordinal, string HeadingPath, string Text, int Start, int End)
{
    public const string HeadingSeparator = " > ";

    /// <summary>
    /// What an index should analyse: the heading path and the text, so a question that names the
    /// section ("refunds") finds paragraphs that never repeat the heading's word.
    /// </summary>
    public string IndexText => HeadingPath.Length == 0 ? Text : $"{HeadingPath}\n{Text}";
}
