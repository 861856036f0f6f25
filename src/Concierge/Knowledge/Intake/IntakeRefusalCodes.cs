namespace Concierge.Knowledge.Intake;

/// <summary>The machine-readable reasons an upload is refused.</summary>
public static class IntakeRefusalCodes
{
    public const string EmptyFile = "empty_file";
    public const string TooLarge = "too_large";
    public const string UnsupportedType = "unsupported_type";
    public const string NoText = "no_text";
    public const string Unreadable = "unreadable";
}
