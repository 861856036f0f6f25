using Concierge.Server.Compat;
using Concierge.Server.Configuration;
using Concierge.Server.Health;
using Concierge.Server.Http;
using Concierge.Server.Jobs;
using Concierge.Server.Knowledge;
using Concierge.Server.Models;
using Concierge.Server.Sessions;
using Concierge.Storage;
using Concierge.Server.Templates;
using Concierge.Server.WhatsApp;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddConciergeHost();

    // Every setting is read and checked here, so a bad one stops the start with its name.
    var model = ModelSettings.Bind(builder.Configuration);
    var conversations = ConversationSettings.Bind(builder.Configuration, model.TotalTimeout);
    builder.Services.AddConciergeHttp(HttpSettings.Bind(builder.Configuration));
    builder.Services.AddConciergeStorage(builder.Configuration);
    builder.Services.AddConversations(conversations);
    builder.Services.AddLanguageModel(model);
    builder.Services.AddOpenApiDocument();
    builder.Services.AddWhatsApp(builder.Configuration);
    builder.Services.AddJobs(builder.Configuration);
    builder.Services.AddKnowledge(builder.Configuration, model);

    var app = builder.Build();
    if (StorageCommands.IsMigrate(args))
    {
        return await StorageCommands.MigrateAsync(app.Services);
    }

    await app.Services.MigrateDatabaseAsync(CancellationToken.None);
    await app.Services.SeedKnowledgeAsync(CancellationToken.None);

    app.UseConciergeHttp();
    app.MapHealth();
    app.MapSessions();
    app.MapTemplateBuilderRoutes();
    app.MapTemplates();
    app.MapWhatsAppWebhooks();
    app.MapJobs();
    app.MapKnowledge();
    app.MapOpenApi();

    await app.RunAsync();
    return 0;
}
catch (InvalidSettingException e)
{
    await Console.Error.WriteLineAsync($"Concierge cannot start: {e.Message}");
    return 2;
}
