using Concierge.Models;

namespace Concierge.Skills;

/// <summary>
/// The phrase step: how the reply is worded. <see cref="Wording"/> set asks the model to word it
/// (streamed to the caller as it comes); <see cref="Fallback"/> is what is said offline, or when the
/// model fails. Without a wording request the fallback text is the reply. <see cref="Check"/>, when
/// set, judges the model's whole reply before it is kept (the knowledge skill refuses a reply that
/// cites a source it was not given); a refused reply is replaced by the fallback.
/// </summary>
public sealed record ReplyPlan(string Fallback, ModelRequest? Wording = null)
{
    public Func<string, ReplyCheck>? Check { get; init; }

    public static ReplyPlan Text(string text) => new(text);

    public static ReplyPlan Model(ModelRequest wording, string fallback) => new(fallback, wording);
}
