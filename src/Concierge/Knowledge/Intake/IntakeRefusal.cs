namespace Concierge.Knowledge.Intake;

/// <summary>Why an upload was refused, in the shape of a validation problem.</summary>
/// <param name="Code">One of <see cref="IntakeRefusalCodes"/>.</param>
/// <param name="Field">The request field at fault (always "file" for the content).</param>
/// <param name="StatusCode">The HTTP status a route should answer with (413, 415, 400 or 422).</param>
/// <param name="Message">A sentence for the person who uploaded the file.</param>
public sealed record IntakeRefusal(string Code, string Field, int StatusCode, string Message)
{
    internal const string FileField = "file";

    internal static IntakeRefusal EmptyFile() =>
        new(IntakeRefusalCodes.EmptyFile, FileField, 400, "The file is empty.");

    internal static IntakeRefusal TooLarge(long size, long maxBytes) =>
        new(IntakeRefusalCodes.TooLarge, FileField, 413, $"The file is {size} bytes; the limit is {maxBytes} bytes.");

    internal static IntakeRefusal UnsupportedType(string why) =>
        new(IntakeRefusalCodes.UnsupportedType, FileField, 415, $"Only UTF-8 text, Markdown, HTML and PDF files are accepted: {why}.");

    internal static IntakeRefusal NoText(string why) =>
        new(IntakeRefusalCodes.NoText, FileField, 422, $"No readable text was found: {why}.");

    internal static IntakeRefusal Unreadable(string why) =>
        new(IntakeRefusalCodes.Unreadable, FileField, 422, $"The file could not be read: {why}.");
}
