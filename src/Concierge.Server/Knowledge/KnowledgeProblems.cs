using Concierge.Knowledge.Intake;
using Concierge.Server.Errors;

namespace Concierge.Server.Knowledge;

/// <summary>The problem documents of the knowledge API (see <see cref="Problem"/>); the intake's refusals keep their codes.</summary>
public static class KnowledgeProblems
{
    public static readonly Problem DocumentNotFound = new(StatusCodes.Status404NotFound, "document_not_found", "No such document.");
    public static readonly Problem Duplicate = new(StatusCodes.Status409Conflict, "document_duplicate", "The tenant already has a document with this content.");
    public static readonly Problem FileMissing = new(StatusCodes.Status400BadRequest, "file_missing", "The multipart field 'file' is missing.");
    public static readonly Problem TooLarge = new(StatusCodes.Status413PayloadTooLarge, IntakeRefusalCodes.TooLarge, "The file is larger than allowed.");
    public static readonly Problem NotMultipart = new(StatusCodes.Status415UnsupportedMediaType, "multipart_required", "The request body must be multipart/form-data.");

    public static Problem From(IntakeRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var title = refusal.Code switch
        {
            IntakeRefusalCodes.EmptyFile => "The file is empty.",
            IntakeRefusalCodes.UnsupportedType => "The file's type is not supported.",
            IntakeRefusalCodes.NoText => "The file has no readable text.",
            _ => "The file could not be read.",
        };
        return new Problem(refusal.StatusCode, refusal.Code, title);
    }
}
