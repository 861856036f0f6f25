namespace Concierge.Conversations;

/// <summary>
/// A message that cannot be taken as it is. <see cref="Field"/> names the offending field and
/// <see cref="Code"/> is stable so that clients and tests can tell the cases apart.
/// </summary>
public sealed class InvalidTurnInputException(string field, string code, string detail)
    : Exception(detail)
{
    public string Field { get; } = field;
    public string Code { get; } = code;
}

public static class TurnInputCodes
{
    public const string Empty = "message_empty";
    public const string TooLong = "message_too_long";
    public const string InvalidText = "message_invalid_text";
}
