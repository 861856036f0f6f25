using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Concierge.Bench.Baseline;

/// <summary>
/// The floors every scenario is compared with, served by this executable re-launched as
/// <c>baseline-server --port N --provider sqlite|postgres --connection "..."</c>: a separate
/// process like the product, so both pay the same process, GC and socket costs.
/// <c>GET /const</c> is ASP.NET Core's floor (a constant JSON object); <c>POST /insert</c> is the
/// storage floor (one INSERT into the same kind of database, set up the way the product sets it up).
/// </summary>
public static class BaselineServer
{
    public const string Mode = "baseline-server";

    public sealed record ConstReply(string Status);

    public sealed record InsertRequest(string? Message);

    public sealed record InsertReply(Guid Id);

    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()
            ?? throw new ArgumentException($"{Mode} needs {name}");
        var port = int.Parse(Arg("--port"), System.Globalization.CultureInfo.InvariantCulture);
        await using BaselineStore store = Arg("--provider") switch
        {
            "sqlite" => new SqliteBaselineStore(Arg("--connection")),
            "postgres" => new PostgresBaselineStore(Arg("--connection")),
            var other => throw new ArgumentException($"unknown provider {other}"),
        };
        await store.CreateTableAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/const", () => TypedResults.Ok(new ConstReply("ok")));
        app.MapPost("/insert", async (InsertRequest body, CancellationToken cancellationToken) =>
            TypedResults.Ok(new InsertReply(await store.InsertAsync(body.Message ?? string.Empty, cancellationToken))));
        await app.RunAsync();
        return 0;
    }
}
