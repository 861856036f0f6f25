namespace Concierge.Bookings.Store;

/// <summary>When a booking's follow-ups go out: <c>FOLLOWUP_REMINDER_LEAD</c> before the start, and an optional thank-you after the end.</summary>
public sealed record FollowUpOptions
{
    public const string ReminderLeadKey = "Concierge:FollowUps:ReminderLead";
    public const string ReminderLeadAlias = "FOLLOWUP_REMINDER_LEAD";
    public const string ThankYouKey = "Concierge:FollowUps:ThankYou";
    public const string ThankYouAlias = "FOLLOWUP_THANK_YOU";
    public const string ThankYouDelayKey = "Concierge:FollowUps:ThankYouDelay";
    public const string ThankYouDelayAlias = "FOLLOWUP_THANK_YOU_DELAY";

    public static readonly IReadOnlyList<Configuration.SettingAlias> Aliases =
    [
        new(ReminderLeadAlias, ReminderLeadKey),
        new(ThankYouAlias, ThankYouKey),
        new(ThankYouDelayAlias, ThankYouDelayKey),
    ];

    public TimeSpan ReminderLead { get; init; } = TimeSpan.FromHours(24);

    public bool ThankYou { get; init; }

    /// <summary>How long after the booking's end the thank-you goes out.</summary>
    public TimeSpan ThankYouDelay { get; init; } = TimeSpan.FromHours(2);
}
