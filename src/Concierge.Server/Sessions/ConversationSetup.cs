using Microsoft.Extensions.DependencyInjection.Extensions;
using Concierge.Conversations;
using Concierge.Safety;
using Concierge.Server.Tenancy;
using Concierge.Skills;
using Concierge.Skills.Bookings;
using Concierge.Skills.Chat;
using Concierge.Skills.Knowledge;
using Concierge.Skills.Templates.Builder;

namespace Concierge.Server.Sessions;

/// <summary>Registers the turn pipeline, the skills and the session services.</summary>
public static class ConversationSetup
{
    public static IServiceCollection AddConversations(this IServiceCollection services, ConversationOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SessionGate>();
        services.AddSingleton(CrisisDetector.Default);
        services.AddSingleton(CrisisProtocols.Default);
        services.AddSingleton<ISafetyCheck, CrisisSafetyCheck>();
        services.AddSingleton(new ChatSkillOptions());
        services.AddSingleton<ISkill, ChatSkill>();
        services.AddSingleton<ISkill, TemplateSkill>();
        services.AddSingleton<ISkill, BookingSkill>();
        services.AddSingleton<ISkill, KnowledgeSkill>();
        services.AddSingleton<SkillCatalog>();
        services.AddSingleton<SessionDirectory>();
        services.AddSingleton<SessionClaims>();
        services.AddSingleton<Turn>();
        services.AddScoped<RequestTenant>();
        services.AddScoped<SessionReader>();
        return services;
    }
}
