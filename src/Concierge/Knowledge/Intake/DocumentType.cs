namespace Concierge.Knowledge.Intake;

/// <summary>What an uploaded file turned out to be, judged from its bytes rather than its name.</summary>
public enum DocumentType
{
    Text,
    Markdown,
    Html,
    Pdf,
}
