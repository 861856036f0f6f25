namespace Concierge.Templates;

/// <summary>
/// Where a stored template stands. <see cref="Draft"/> is Concierge's own (stored, never sent to
/// Meta); every other value is Meta's, as the create call answers it or as the
/// <c>message_template_status_update</c> webhook's <c>event</c> reports it.
/// </summary>
public enum TemplateStatus
{
    Draft,
    Pending,
    Approved,
    Rejected,
    Paused,
    Disabled,
    InAppeal,
    PendingDeletion,
    Deleted,
    Flagged,
    Archived,
    Unarchived,
    LimitExceeded,
    Locked,
}

/// <summary>The wire names of <see cref="TemplateStatus"/> (Meta's upper-case words: PENDING_DELETION...).</summary>
public static class TemplateStatuses
{
    public static string ToWire(this TemplateStatus status) => status switch
    {
        TemplateStatus.Draft => "DRAFT",
        TemplateStatus.Pending => "PENDING",
        TemplateStatus.Approved => "APPROVED",
        TemplateStatus.Rejected => "REJECTED",
        TemplateStatus.Paused => "PAUSED",
        TemplateStatus.Disabled => "DISABLED",
        TemplateStatus.InAppeal => "IN_APPEAL",
        TemplateStatus.PendingDeletion => "PENDING_DELETION",
        TemplateStatus.Deleted => "DELETED",
        TemplateStatus.Flagged => "FLAGGED",
        TemplateStatus.Archived => "ARCHIVED",
        TemplateStatus.Unarchived => "UNARCHIVED",
        TemplateStatus.LimitExceeded => "LIMIT_EXCEEDED",
        TemplateStatus.Locked => "LOCKED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// Reads a status or a webhook event name, case-insensitively. Meta's <c>REINSTATED</c> event
    /// (a paused template is active again) reads as <see cref="TemplateStatus.Approved"/>, the
    /// status Meta reports for it afterwards.
    /// </summary>
    public static bool TryParse(string? text, out TemplateStatus status)
    {
        status = TemplateStatus.Draft;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var upper = text.Trim().ToUpperInvariant();
        if (upper == "REINSTATED")
        {
            status = TemplateStatus.Approved;
            return true;
        }

        foreach (var candidate in Enum.GetValues<TemplateStatus>())
        {
            if (candidate.ToWire() == upper)
            {
                status = candidate;
                return true;
            }
        }

        return false;
    }

    public static TemplateStatus Parse(string text) =>
        TryParse(text, out var status) ? status : throw new FormatException($"'{text}' is not a template status.");
}
