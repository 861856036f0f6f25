using System.Net;
using System.Text.Json.Nodes;
using Concierge.Agents;
using Concierge.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Router;

/// <summary>POST /router/search-by-location over the demo tenant's New York shops.</summary>
public sealed class RouterSearchTests
{
    private const string SoHo = """{"latitude":40.7246,"longitude":-74.0019""";

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_search_answers_the_shops_within_the_radius_nearest_first_with_their_distances(DatabaseKind kind)
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(kind));
        var client = app.FromIp("198.51.100.1");

        var near = await RouterTestKit.SearchAsync(client, SoHo + ""","radius_miles":1.5}""");
        var wide = await RouterTestKit.SearchAsync(client, SoHo + ""","radius_km":8}""");
        var barbers = await RouterTestKit.SearchAsync(client, SoHo + ""","radius_miles":10,"category":"Barbershop","limit":2}""");

        Assert.Equal(["bishops-barbershop-soho", "chelsea-cuts"], Slugs(near));
        Assert.Equal(2, (int)near["count"]!);
        var second = near["results"]![1]!;
        Assert.InRange((double)second["distance_km"]!, 2.2, 2.4);
        Assert.Equal(Math.Round((double)second["distance_km"]! / 1.609344, 2), (double)second["distance_miles"]!, 2);
        Assert.Equal(["bishops-barbershop-soho", "chelsea-cuts", "jersey-city-fades", "brooklyn-hair-studio", "upper-west-salon"], Slugs(wide));
        var distances = wide["results"]!.AsArray().Select(r => (double)r!["distance_km"]!).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.Equal(["bishops-barbershop-soho", "chelsea-cuts"], Slugs(barbers));
        Assert.All(barbers["results"]!.AsArray(), r => Assert.Equal("barbershop", (string?)r!["category"]));
        Assert.False(string.IsNullOrEmpty((string?)near["search_id"]));
    }

    [Fact]
    public async Task An_area_without_shops_answers_200_with_an_empty_list_and_a_message_saying_what_to_try()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.FromIp("198.51.100.2");

        var arctic = await RouterTestKit.SearchAsync(client, """{"latitude":89.9,"longitude":10,"radius_miles":25}""");
        var ocean = await RouterTestKit.SearchAsync(client, """{"latitude":0,"longitude":-179.99,"radius_miles":50,"category":"salon"}""");

        Assert.Empty(arctic["results"]!.AsArray());
        Assert.Equal(0, (int)arctic["count"]!);
        Assert.Contains("larger radius", (string?)arctic["message"], StringComparison.Ordinal);
        Assert.Contains("50 miles", (string?)ocean["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_unusable_field_is_a_422_naming_it_and_nothing_is_recorded()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        (string Body, string Field)[] cases =
        [
            ("""{"longitude":-74}""", "latitude"),
            ("""{"latitude":40}""", "longitude"),
            ("""{"latitude":null,"longitude":-74}""", "latitude"),
            ("""{"latitude":"40.7","longitude":-74}""", "latitude"),
            ("""{"latitude":true,"longitude":-74}""", "latitude"),
            ("""{"latitude":[40],"longitude":-74}""", "latitude"),
            ("""{"latitude":NaN,"longitude":-74}""", "latitude"),
            ("""{"latitude":40,"longitude":-Infinity}""", "longitude"),
            ("""{"latitude":"NaN","longitude":-74}""", "latitude"),
            ("""{"latitude":1e400,"longitude":-74}""", "latitude"),
            ("""{"latitude":90.0001,"longitude":-74}""", "latitude"),
            ("""{"latitude":-91,"longitude":-74}""", "latitude"),
            ("""{"latitude":40,"longitude":180.5}""", "longitude"),
            ("""{"latitude":40,"longitude":-74,"radius_miles":0}""", "radius_miles"),
            ("""{"latitude":40,"longitude":-74,"radius_miles":-3}""", "radius_miles"),
            ("""{"latitude":40,"longitude":-74,"radius_miles":50.01}""", "radius_miles"),
            ("""{"latitude":40,"longitude":-74,"radius_miles":"10"}""", "radius_miles"),
            ("""{"latitude":40,"longitude":-74,"radius_miles":1e308}""", "radius_miles"),
            ("""{"latitude":40,"longitude":-74,"radius_km":81}""", "radius_km"),
            ("""{"latitude":40,"longitude":-74,"radius_km":5,"radius_miles":5}""", "radius_km"),
            ("""{"latitude":40,"longitude":-74,"limit":0}""", "limit"),
            ("""{"latitude":40,"longitude":-74,"limit":2.5}""", "limit"),
            ("""{"latitude":40,"longitude":-74,"limit":1000000000000}""", "limit"),
            ("""{"latitude":40,"longitude":-74,"category":7}""", "category"),
            ("""[40,-74]""", "body"),
        ];

        foreach (var (i, (body, field)) in cases.Index())
        {
            // Each case from its own address: more than 20 would meet the route's own limit.
            var (status, problem, response) = await RouterTestKit.PostAsync(app.FromIp($"198.51.100.{100 + i}"), "/router/search-by-location", body);
            response.Dispose();
            Assert.True(status == HttpStatusCode.UnprocessableEntity, $"{body} answered {(int)status}: {problem.ToJsonString()}");
            Assert.Equal(field, (string?)problem["field"]);
            Assert.Equal("invalid_field", (string?)problem["code"]);
        }

        var usage = await app.OperatorClient().GetJsonAsync("/api/v1/analytics/router/usage");
        Assert.Equal(0, (int)usage["totals"]!["searches"]!);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_and_another_media_type_a_415()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var client = app.FromIp("198.51.100.4");

        using var broken = await client.PostAsync("/router/search-by-location", Json.Body("""{"latitude":40,"""), TestContext.Current.CancellationToken);
        using var form = await client.PostAsync("/router/search-by-location", new FormUrlEncodedContent([new("latitude", "40")]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
    }

    [Fact]
    public async Task A_router_key_reaches_its_own_tenants_shops_and_the_default_tenant_never_sees_them()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var tenant = await app.AddTenantAsync("acme");
        var admin = app.AdminClient(tenant.Id);
        await admin.PostJsonAsync("/api/v1/shops", new { slug = "acme-cuts", name = "Acme Cuts", category = "barbershop", latitude = 40.7250, longitude = -74.0010 });
        var key = (await app.Services.GetRequiredService<IAgentCatalog>().FindByKeyAsync(tenant.Id, "assistant", TestContext.Current.CancellationToken))!.PublicKey!;

        var demo = await RouterTestKit.SearchAsync(app.FromIp("198.51.100.5"), SoHo + ""","radius_miles":1}""");
        var keyed = app.FromIp("198.51.100.5");
        keyed.DefaultRequestHeaders.Add("X-Agent-Key", key);
        var acme = await RouterTestKit.SearchAsync(keyed, SoHo + ""","radius_miles":1}""");

        Assert.DoesNotContain("acme-cuts", Slugs(demo));
        Assert.Equal(["acme-cuts"], Slugs(acme));
    }

    internal static List<string?> Slugs(JsonObject search) => [.. search["results"]!.AsArray().Select(r => (string?)r!["slug"])];
}
