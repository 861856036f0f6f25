using Concierge.Conversations;

namespace Concierge.Server.Configuration;

/// <summary>Binds <see cref="ConversationOptions"/> from <c>Concierge:Conversations:*</c> or the seed systems' names.</summary>
public static class ConversationSettings
{
    private const string Section = "Concierge:Conversations:";

    public static ConversationOptions Bind(IConfiguration configuration, TimeSpan slowestModelCall)
    {
        var defaults = new ConversationOptions();

        // A turn's lease must outlive its slowest model call, or a second process could take over mid-turn.
        var lease = Settings.Duration(configuration, Section + "TurnLease", null, Max(defaults.TurnLease, slowestModelCall + TimeSpan.FromSeconds(30)));
        var options = new ConversationOptions
        {
            MaxMessageLength = Settings.Int(configuration, Section + "MaxMessageLength", "MAX_MESSAGE_LENGTH", defaults.MaxMessageLength),
            SessionTtl = Settings.Duration(configuration, Section + "SessionTtl", "SESSION_TTL", defaults.SessionTtl),
            HistoryMessages = Settings.Int(configuration, Section + "HistoryMessages", null, defaults.HistoryMessages),
            TurnLease = lease,
            TurnWait = Settings.Duration(configuration, Section + "TurnWait", null, lease),
        };

        var problem = options.Validate().FirstOrDefault();
        return problem is null ? options : throw new InvalidSettingException(problem.Split(' ')[0], problem[(problem.IndexOf(' ') + 1)..]);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
