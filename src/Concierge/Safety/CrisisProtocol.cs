namespace Concierge.Safety;

/// <summary>
/// What the assistant says in a crisis, for one locale. The texts are templates so that an agent
/// can replace the hotlines without rewriting the words: <c>{hotlines}</c> becomes the hotline
/// list and <c>{emergency}</c> the emergency number.
/// </summary>
/// <param name="Locale">"es-CL", "en-US", ...</param>
/// <param name="ReplyTemplate">The first reply: acknowledges, not alone, the hotline, reach someone now, are you safe.</param>
/// <param name="FollowUpTemplate">Later turns in crisis mode: short, and the hotline stays visible.</param>
public sealed record CrisisProtocol(
    string Locale,
    IReadOnlyList<CrisisHotline> Hotlines,
    string EmergencyNumber,
    string ReplyTemplate,
    string FollowUpTemplate)
{
    public string Language => Locale.Split('-')[0];

    public string Reply => Render(ReplyTemplate);

    public string FollowUp => Render(FollowUpTemplate);

    private string Render(string template) => template
        .Replace("{hotlines}", string.Join(" / ", Hotlines.Select(h => $"{h.Number} ({h.Name})")), StringComparison.Ordinal)
        .Replace("{emergency}", EmergencyNumber, StringComparison.Ordinal);
}
