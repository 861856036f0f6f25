using Concierge.Conversations;

namespace Concierge.Server.Configuration;

/// <summary>Binds <see cref="ConversationOptions"/> from <c>Concierge:Conversations:*</c> or the seed systems' names.</summary>
public static class ConversationSettings
{
    private const string Section = "Concierge:Conversations:";

    public static readonly IReadOnlyList<SettingAlias> Aliases =
    [
        new("MAX_MESSAGE_LENGTH", Section + "MaxMessageLength"),
        new("SESSION_TTL", Section + "SessionTtl"),
    ];

    public static ConversationOptions Bind(IConfiguration configuration, TimeSpan slowestModelCall)
    {
        var defaults = new ConversationOptions();

        // A turn's lease must outlive its slowest model call, or a second process could take over mid-turn.
        var lease = Settings.Duration(configuration, Section + "TurnLease", Max(defaults.TurnLease, slowestModelCall + TimeSpan.FromSeconds(30)));
        var options = new ConversationOptions
        {
            MaxMessageLength = Settings.Int(configuration, Section + "MaxMessageLength", defaults.MaxMessageLength),
            SessionTtl = Settings.Duration(configuration, Section + "SessionTtl", defaults.SessionTtl),
            HistoryMessages = Settings.Int(configuration, Section + "HistoryMessages", defaults.HistoryMessages),
            TurnLease = lease,
            TurnWait = Settings.Duration(configuration, Section + "TurnWait", lease),
        };

        var problem = options.Validate().FirstOrDefault();
        return problem is null ? options : throw new InvalidSettingException(problem.Split(' ')[0], problem[(problem.IndexOf(' ') + 1)..]);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
