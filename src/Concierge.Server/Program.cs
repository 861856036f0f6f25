using Concierge.Tenants;
using Concierge.Server.Accounts;
using Concierge.Server.Agents;
using Concierge.Server.Analytics;
using Concierge.Server.Backups;
using Concierge.Server.Bookings;
using Concierge.Server.Channels;
using Concierge.Server.Compat;
using Concierge.Server.Configuration;
using Concierge.Server.Customers;
using Concierge.Server.Emotions;
using Concierge.Server.Health;
using Concierge.Server.Http;
using Concierge.Server.Jobs;
using Concierge.Server.Knowledge;
using Concierge.Server.Models;
using Concierge.Server.Observability;
using Concierge.Server.OpenAiCompatible;
using Concierge.Server.OperatorsConsole;
using Concierge.Server.RateLimits;
using Concierge.Server.Safety;
using Concierge.Server.Geocoding;
using Concierge.Server.Router;
using Concierge.Server.Sessions;
using Concierge.Server.Shops;
using Concierge.Server.Streaming;
using Concierge.Storage;
using Concierge.Server.Templates;
using Concierge.Server.Usage;
using Concierge.Server.WebChat;
using Concierge.Server.WhatsApp;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddConciergeHost();
    if (AccountCommands.IsCommand(args))
    {
        return await AccountCommands.RunAsync(args, builder.Configuration, Console.In, Console.Out, Console.Error);
    }

    if (BackupCommands.IsCommand(args))
    {
        return await BackupCommands.RunAsync(args, builder.Configuration, Console.Out, Console.Error);
    }

    if (ShopCommands.IsCommand(args))
    {
        return await ShopCommands.RunAsync(args, builder.Configuration, Console.Out, Console.Error, !Console.IsOutputRedirected);
    }

    // Every setting is read and checked here, so a bad one stops the start with its name.
    var model = ModelSettings.Bind(builder.Configuration);
    var conversations = ConversationSettings.Bind(builder.Configuration, model.TotalTimeout);
    var http = HttpSettings.Bind(builder.Configuration);
    builder.Services.AddConciergeHttp(http);
    var rateLimits = RateLimitSettings.Bind(builder.Configuration, http);
    builder.Services.AddConciergeRateLimits(rateLimits);
    builder.AddConciergeObservability(rateLimits);
    builder.Services.AddConciergeStorage(builder.Configuration);
    builder.Services.AddConciergeAuth(AuthSettings.Bind(builder.Configuration, builder.Environment));
    builder.Services.AddConversations(conversations);
    builder.Services.AddStreaming(builder.Configuration);
    builder.Services.AddLanguageModel(model);
    builder.Services.AddOpenApiDocument();
    builder.Services.AddWhatsApp(builder.Configuration);
    builder.Services.AddChannels(builder.Configuration);
    builder.Services.AddJobs(builder.Configuration);
    builder.Services.AddKnowledge(builder.Configuration, model);
    builder.Services.AddSafety(builder.Configuration);
    builder.Services.AddShops(builder.Configuration);
    builder.Services.AddRouter(builder.Configuration);
    builder.Services.AddAnalytics(builder.Configuration);

    var app = builder.Build();
    if (StorageCommands.IsMigrate(args))
    {
        return await StorageCommands.MigrateAsync(app.Services);
    }

    await app.Services.MigrateDatabaseAsync(CancellationToken.None);
    await app.Services.SeedKnowledgeAsync(CancellationToken.None);

    app.UseTurnSockets();
    app.UseConciergeHttp();
    app.MapHealth();
    app.MapMetrics();
    app.MapLogin();
    app.MapAdmin();
    app.MapAgents();
    app.MapSessions();
    app.MapTurnSockets();
    app.MapOpenAiCompatible();
    app.MapTemplateBuilderRoutes();
    app.MapTemplates();
    app.MapWhatsAppWebhooks(app.Services.GetRequiredService<ChannelSettings>().MaxBodyBytes);
    app.MapChannels();
    app.MapJobs();
    app.MapBookings().RequireRole(Role.Operator);
    app.MapBookingChatRoutes();
    app.MapEmotions().RequireRole(Role.Operator);
    app.MapKnowledge().RequireRole(Role.Operator);
    app.MapUsage();
    app.MapCustomerData();
    app.MapWellbeingChatRoutes();
    app.MapShops();
    app.MapRouter();
    app.MapRouterAnalytics().RequireRole(Role.Operator);
    app.MapDailyAnalytics();
    app.MapOpenApi().AllowAnonymous();
    app.MapWebChat();
    app.MapConsole();

    await app.RunAsync();
    return 0;
}
catch (InvalidSettingException e)
{
    await Console.Error.WriteLineAsync($"Concierge cannot start: {e.Message}");
    return 2;
}
