using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Tenants;
using Concierge.Testing.FakeGeocoder;

namespace Concierge.Server.Tests.Router;

/// <summary>The shops admin API: who may do what, the field rules, tenant isolation and geocoding on write.</summary>
public sealed class ShopsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task An_admin_creates_changes_and_deletes_a_shop_and_an_operator_reads_it(DatabaseKind kind)
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(kind));
        var admin = app.AdminClient();
        var operatorClient = app.OperatorClient();

        using var created = await admin.PostAsync("/api/v1/shops", Json.Body("""
            {"name":"Mesa Cuts","category":"Barbershop","address":"1 Main St","latitude":40.70,"longitude":-74.01,"phone":"+1 212 555 0100","hours":"Mon-Fri 9-5"}
            """), Ct);
        var shop = await created.ReadObjectAsync();
        using var patched = await admin.PatchAsync("/api/v1/shops/mesa-cuts", Json.Body("""{"name":"Mesa Cuts & Shaves","phone":null}"""), Ct);
        var changed = await patched.ReadObjectAsync();
        var listed = await operatorClient.GetJsonAsync("/api/v1/shops?category=barbershop");
        using var operatorWrite = await operatorClient.PostAsync("/api/v1/shops", Json.Body("""{"name":"X","category":"salon"}"""), Ct);
        using var customerRead = await app.ClientAs(Role.Customer).GetAsync("/api/v1/shops", Ct);
        using var anonymous = await app.Client().GetAsync("/api/v1/shops", Ct);
        using var deleted = await admin.DeleteAsync("/api/v1/shops/mesa-cuts", Ct);
        using var gone = await operatorClient.GetAsync("/api/v1/shops/mesa-cuts", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("mesa-cuts", (string?)shop["slug"]);
        Assert.Equal("barbershop", (string?)shop["category"]);
        Assert.Equal("shop-mesa-cuts", (string?)shop["agent_key"]);
        Assert.Equal("Mesa Cuts & Shaves", (string?)changed["name"]);
        Assert.Null(changed["phone"]);
        Assert.Equal(40.70, (double)changed["latitude"]!);
        Assert.Contains(listed["shops"]!.AsArray(), s => (string?)s!["slug"] == "mesa-cuts");
        Assert.All(listed["shops"]!.AsArray(), s => Assert.Equal("barbershop", (string?)s!["category"]));
        Assert.Equal(HttpStatusCode.Forbidden, operatorWrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customerRead.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Bad_fields_are_422_naming_them_a_taken_slug_409_and_another_tenants_shop_404()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var admin = app.AdminClient();
        var other = await app.AddTenantAsync("other");
        await app.AdminClient(other.Id).PostJsonAsync("/api/v1/shops", new { slug = "theirs", name = "Theirs", category = "salon" });

        foreach (var (body, field) in new[]
        {
            ("""{"category":"salon"}""", "name"),
            ("""{"name":"A","category":null}""", "category"),
            ("""{"name":"A","category":"salon","slug":"../../etc"}""", "slug"),
            ("""{"name":"A","category":"salon","slug":"a/b"}""", "slug"),
            ("""{"name":"A","category":"salon","latitude":40}""", "longitude"),
            ("""{"name":"A","category":"salon","latitude":"40","longitude":-74}""", "latitude"),
            ("""{"name":"A","category":"salon","latitude":95,"longitude":-74}""", "latitude"),
            ("""{"name":"A","category":"salon","latitude":40,"longitude":1e999}""", "longitude"),
            ("""{"name":"A","category":"salon","agent_key":"demo"}""", "agent_key"),
            ("""{"name":"A","category":"salon","services":["no-such-service"]}""", "services"),
            ("""{"name":"A","category":"salon","colour":"red"}""", "colour"),
            ("""{"name":"A","category":"salon","latitude":NaN,"longitude":1}""", "latitude"),
        })
        {
            using var response = await admin.PostAsync("/api/v1/shops", Json.Body(body), Ct);
            var problem = await response.ReadObjectAsync();
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{body}: {(int)response.StatusCode} {problem.ToJsonString()}");
            Assert.Equal(field, (string?)problem["field"]);
        }

        using var taken = await admin.PostAsync("/api/v1/shops", Json.Body("""{"slug":"chelsea-cuts","name":"Again","category":"salon"}"""), Ct);
        using var theirs = await admin.GetAsync("/api/v1/shops/theirs", Ct);
        using var patchTheirs = await admin.PatchAsync("/api/v1/shops/theirs", Json.Body("""{"name":"Mine"}"""), Ct);
        using var deleteTheirs = await admin.DeleteAsync("/api/v1/shops/theirs", Ct);
        using var pathy = await admin.GetAsync("/api/v1/shops/..%2F..%2Fetc", Ct);

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, patchTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleteTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pathy.StatusCode);
        Assert.Equal("Theirs", (string?)(await app.AdminClient(other.Id).GetJsonAsync("/api/v1/shops/theirs"))["name"]);
    }

    [Fact]
    public async Task A_field_sent_twice_or_not_utf8_is_422_naming_it_and_changes_no_shop()
    {
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var admin = app.AdminClient();
        await admin.PostJsonAsync("/api/v1/shops", new { slug = "kept", name = "Kept", category = "salon" });
        byte[] notUtf8 = [.. Encoding.UTF8.GetBytes("""{"category":"salon","name":"caf"""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}")];

        foreach (var (method, path, body, field) in new[]
        {
            ("POST", "/api/v1/shops", Json.Body("""{"name":"A","name":"B","category":"salon"}"""), "name"),
            ("POST", "/api/v1/shops", Json.Raw(notUtf8), "name"),
            ("POST", "/api/v1/shops", Json.Body("""{"name":"A","category":"salon","services":["a\ud800"]}"""), "services"),
            ("PATCH", "/api/v1/shops/kept", Json.Body("""{"name":"Changed","name":"Twice"}"""), "name"),
            ("PATCH", "/api/v1/shops/kept", Json.Raw(notUtf8), "name"),
        })
        {
            using var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = body }, Ct);
            var problem = await response.ReadObjectAsync();
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{method} {path}: {(int)response.StatusCode} {problem.ToJsonString()}");
            Assert.Equal(field, (string?)problem["field"]);
        }

        var shops = (await admin.GetJsonAsync("/api/v1/shops"))["shops"]!.AsArray();
        Assert.Equal("Kept", (string?)(await admin.GetJsonAsync("/api/v1/shops/kept"))["name"]);
        Assert.DoesNotContain(shops, s => (string?)s!["name"] is "A" or "B" or "caf");
    }

    [Fact]
    public async Task A_shop_with_an_address_only_is_geocoded_and_one_the_provider_cannot_place_now_is_retried_by_a_job()
    {
        await using var geocoder = await FakeGeocoderServer.StartAsync(Ct);
        geocoder.Knows("350 5th Ave, New York, NY 10118", 40.7484, -73.9857).Knows("1 Late St, New York", 40.70, -74.00);
        await using var app = RouterTestKit.App(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), geocoder);
        var admin = app.AdminClient();

        var placed = await admin.PostJsonAsync("/api/v1/shops", new { name = "Empire Cuts", category = "barbershop", address = "350 5th Ave, New York, NY 10118" });
        geocoder.Failing = true;
        var waiting = await admin.PostJsonAsync("/api/v1/shops", new { name = "Late Cuts", category = "barbershop", address = "1 Late St, New York" });
        geocoder.Failing = false;
        var later = await PollAsync(admin, "/api/v1/shops/late-cuts", s => s["latitude"] is not null);

        Assert.Equal("found", (string?)placed["geocoding"]);
        Assert.Equal(40.7484, (double)placed["latitude"]!);
        Assert.Equal("queued", (string?)waiting["geocoding"]);
        Assert.Null(waiting["latitude"]);
        Assert.Equal(40.70, (double)later["latitude"]!);
        Assert.Equal("json", geocoder.Requests[0].Format);
        Assert.Equal("/search", geocoder.Requests[0].Path);
        Assert.False(string.IsNullOrEmpty(geocoder.Requests[0].UserAgent));
        var found = await RouterTestKit.SearchAsync(app.FromIp("192.0.2.50"), """{"latitude":40.7484,"longitude":-73.9857,"radius_miles":0.5}""");
        Assert.Contains("empire-cuts", RouterSearchTests.Slugs(found));
    }

    internal static async Task<JsonObject> PollAsync(HttpClient client, string path, Func<JsonObject, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            var body = await client.GetJsonAsync(path);
            if (done(body))
            {
                return body;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException($"{path} never got there.");
    }
}
