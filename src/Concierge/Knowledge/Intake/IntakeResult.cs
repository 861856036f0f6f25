using System.Diagnostics.CodeAnalysis;

namespace Concierge.Knowledge.Intake;

/// <summary>Either the accepted document or the reason it was refused; never both.</summary>
public sealed class IntakeResult
{
    private IntakeResult(DocumentText? document, IntakeRefusal? refusal)
    {
        Document = document;
        Refusal = refusal;
    }

    public DocumentText? Document { get; }

    public IntakeRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAccepted => Document is not null;

    public static IntakeResult Accepted(DocumentText document) => new(document, null);

    public static IntakeResult Refused(IntakeRefusal refusal) => new(null, refusal);
}
