namespace Concierge.Conversations;

/// <summary>
/// A user's message that has passed <see cref="MessageText.Validate"/>: the only way to make one,
/// so a message is validated exactly once, at the edge, before anything is written for it.
/// </summary>
public readonly record struct UserText
{
    private UserText(string value) => Value = value;

    public string Value { get; }

    /// <summary>Validates <paramref name="raw"/>; throws <see cref="InvalidTurnInputException"/> naming <paramref name="field"/>.</summary>
    public static UserText From(string? raw, int maxLength, string field = "message") => new(MessageText.Validate(raw, maxLength, field));

    public override string ToString() => Value;
}
