namespace Concierge.Knowledge.Intake;

/// <summary>
/// One heading or paragraph of a document, with where it starts in <see cref="DocumentText.Text"/>,
/// so chunks can report offsets into the text a reader would see.
/// </summary>
/// <param name="Level">1-6 for headings (h1 = 1), 0 for paragraphs.</param>
public sealed record TextBlock(TextBlockKind Kind, int Level, int Start, string Text)
{
    public int End => Start + Text.Length;
}
