namespace Concierge.Knowledge.Intake;

/// <summary>Whether a block of extracted text is a heading (which names the paragraphs under it) or body text.</summary>
public enum TextBlockKind
{
    Heading,
    Paragraph,
}
