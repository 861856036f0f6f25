namespace Concierge.Skills;

/// <summary>
/// A skill's verdict on the model's worded reply: accepted with the sources it cites, or refused
/// with why (the pipeline then says the plan's fallback text instead, and logs the fallback).
/// <see cref="Footer"/>, when set, is what the server appends, as it is, to an accepted reply (the knowledge
/// skill's list of the sources it cited): written by the skill, not the model, and streamed as the
/// reply's last piece.
/// </summary>
public sealed record ReplyCheck(string? RefusalReason, IReadOnlyList<ReplySource> Sources, string? Footer = null)
{
    public bool IsRefused => RefusalReason is not null;

    public static ReplyCheck Accepted(IReadOnlyList<ReplySource> sources, string? footer = null) => new(null, sources, footer);

    public static ReplyCheck Refused(string reason) => new(reason, []);
}
