namespace Concierge.Safety;

/// <summary>One entry of a language's rule table.</summary>
/// <param name="Id">Stable id reported in assessments and metrics ("pt.intent.jump").</param>
/// <param name="Reason">Short English words for logs; never the user's text.</param>
/// <param name="Framed">False for lethal-means questions, which "for my essay" framing does not excuse.</param>
internal sealed record CrisisRule(
    string Id,
    string Language,
    CrisisRuleKind Kind,
    CrisisSeverity Severity,
    CrisisCue Cue,
    string Reason,
    CrisisPattern Pattern,
    bool Framed = true);
