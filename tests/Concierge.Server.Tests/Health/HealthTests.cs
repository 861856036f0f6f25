using System.Net;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Testing.Postgres;
using Npgsql;

namespace Concierge.Server.Tests.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_503_naming_the_error_class_when_the_database_stops_answering()
    {
        var server = await PostgresDatabases.ServerAsync();
        var database = await server.CreateDatabaseAsync();
        await using var app = new ConciergeApp(server.UrlFor(database));
        var client = app.Client();
        await client.GetJsonAsync("/health");

        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        using var health = await client.GetAsync("/health");
        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");
        var report = await health.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("unavailable", (string?)report["status"]);
        Assert.Equal("PostgresException", (string?)report["db"]);
        Assert.DoesNotContain(database, report.ToJsonString());
    }
}
