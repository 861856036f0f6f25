namespace Concierge.Skills;

/// <summary>
/// A skill's verdict on the model's worded reply: accepted with the sources it cites, or refused
/// with why (the pipeline then says the plan's fallback text instead, and logs the fallback).
/// </summary>
public sealed record ReplyCheck(string? RefusalReason, IReadOnlyList<ReplySource> Sources)
{
    public bool IsRefused => RefusalReason is not null;

    public static ReplyCheck Accepted(IReadOnlyList<ReplySource> sources) => new(null, sources);

    public static ReplyCheck Refused(string reason) => new(reason, []);
}
