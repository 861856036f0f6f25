using Concierge.Models;

namespace Concierge.Skills;

/// <summary>
/// The phrase step: how the reply is worded. <see cref="Wording"/> set asks the model to word it
/// (streamed to the caller as it comes); <see cref="Fallback"/> is what is said offline, or when the
/// model fails. Without a wording request the fallback text is the reply.
/// </summary>
public sealed record ReplyPlan(string Fallback, ModelRequest? Wording = null)
{
    public static ReplyPlan Text(string text) => new(text);

    public static ReplyPlan Model(ModelRequest wording, string fallback) => new(fallback, wording);
}
