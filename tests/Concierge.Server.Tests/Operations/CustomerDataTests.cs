using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Concierge.Server.Tests.Bookings;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Storage;
using Concierge.Storage.Lifecycle;
using Concierge.Tenants;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Concierge.Server.Tests.Operations;

/// <summary>GDPR: one export document per customer; an erasure that deletes it all in one go, leaves no text in the SQLite file, and is recorded without the data.</summary>
public sealed class CustomerDataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_customers_data_is_exported_whole_then_erased_for_good_and_the_erasure_recorded_without_it(DatabaseKind kind)
    {
        var url = await TestDatabase.CreateAsync(kind);
        await using var app = new ConciergeApp(url, new Dictionary<string, string?> { ["Concierge:Jobs:PollInterval"] = "00:00:00.050" });
        var admin = app.AdminClient();
        await BookingSetup.ServiceAsync(admin);
        var marker = "Quokka" + Guid.NewGuid().ToString("N")[..12];
        var bobMarker = "Wombat" + Guid.NewGuid().ToString("N")[..12];
        var ana = (string)(await admin.PostJsonAsync("/api/v1/sessions", new { agent = "hibachi", customer_id = "gdpr-ana" }))["id"]!;
        await admin.PostJsonAsync($"/api/v1/sessions/{ana}/messages", new { message = $"I am so happy, my code word is {marker}" });
        await admin.PostJsonAsync($"/api/v1/sessions/{ana}/messages", new { message = $"Thanks, again {marker}" });
        var bob = (string)(await admin.PostJsonAsync("/api/v1/sessions", new { agent = "hibachi", customer_id = "gdpr-bob" }))["id"]!;
        await admin.PostJsonAsync($"/api/v1/sessions/{bob}/messages", new { message = $"Mine is {bobMarker}" });
        using (var booked = await admin.PostAsync("/api/v1/bookings", BookingSetup.Booking($"{BookingSetup.InDays(3)}T12:00", extra: ",\"customer_id\":\"gdpr-ana\"")))
        {
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await admin.GetJsonAsync("/api/v1/customers/gdpr-ana/emotions"))["emotions"]!.AsArray().Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        var export = await admin.GetJsonAsync("/api/v1/customers/gdpr-ana/export");
        var session = export["sessions"]!.AsArray().Single()!;
        Assert.Equal(ana, (string?)session["id"]);
        Assert.Equal(4, session["messages"]!.AsArray().Count);
        Assert.Contains(marker, (string?)session["messages"]![0]!["content"]);
        Assert.NotEmpty(session["events"]!.AsArray());
        Assert.Equal("gdpr-ana", (string?)export["bookings"]![0]!["customer_id"]);
        Assert.Equal(2, export["emotions"]!.AsArray().Count);
        var followUp = export["follow_ups"]!.AsArray().Single()!;
        Assert.Equal("reminder", (string?)followUp["type"]);
        Assert.Equal("queued", (string?)followUp["delivery"]);
        Assert.DoesNotContain(bobMarker, export.ToJsonString());

        var db = app.Services.GetRequiredService<Database>();
        if (db is SqliteDatabase sqlite)
        {
            await sqlite.TruncateLogAsync(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, Ct);
            Assert.True(FileContains(sqlite.Path, marker), "the test's text must be in the file before the erasure");
        }

        using var erased = await admin.DeleteAsync("/api/v1/customers/gdpr-ana", Ct);
        var receipt = JsonNode.Parse(await erased.Content.ReadAsStringAsync(Ct))!;
        using var again = await admin.DeleteAsync("/api/v1/customers/gdpr-ana", Ct);
        using var gone = await admin.GetAsync("/api/v1/customers/gdpr-ana/export", Ct);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(1, (int)receipt["counts"]!["sessions"]!);
        Assert.Equal(4, (int)receipt["counts"]!["messages"]!);
        Assert.Equal(1, (int)receipt["counts"]!["bookings"]!);
        Assert.Equal(2, (int)receipt["counts"]!["emotions"]!);
        Assert.StartsWith("user:", (string?)receipt["erased_by"]);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await using (var connection = await db.OpenAsync(Ct))
        {
            var record = (await connection.QueryAsync("SELECT subject_hash, erased_by, counts FROM erasures")).Single();
            Assert.Equal(SqlCustomerData.SubjectHash(Concierge.Agents.DemoTenant.TenantId, "gdpr-ana"), (string)record.subject_hash);
            Assert.DoesNotContain("gdpr-ana", (string)record.counts.ToString());
            var id = db.Id(Guid.Parse(ana));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sessions WHERE id = @id", new { id }));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM messages WHERE session_id = @id", new { id }));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bookings WHERE customer_id = 'gdpr-ana'"));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM emotions WHERE customer_id = 'gdpr-ana'"));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jobs WHERE kind = 'followup.send'"));
            // The analytics count stays: the turns still happened, to nobody in particular.
            var anonymized = (int)receipt["counts"]!["events_anonymized"]!;
            Assert.True(anonymized > 0);
            Assert.Equal(anonymized, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM events WHERE session_id IS NULL AND data = '{}' AND name <> 'budget_threshold_crossed'"));
        }

        Assert.Single((await admin.GetJsonAsync("/api/v1/customers/gdpr-bob/export"))["sessions"]!.AsArray());
        if (db is SqliteDatabase erasedFile)
        {
            Assert.False(FileContains(erasedFile.Path, marker), "an erased message's text survived in the database file");
            Assert.True(FileContains(erasedFile.Path, bobMarker), "another customer's text must stay");
        }
    }

    [Fact]
    public async Task Another_tenants_customer_an_unknown_one_and_a_bad_id_are_refused_and_operators_may_not()
    {
        await using var app = new ConciergeApp(await TestDatabase.CreateAsync(DatabaseKind.Sqlite));
        var admin = app.AdminClient();
        var session = (string)(await admin.PostJsonAsync("/api/v1/sessions", new { agent = "assistant", customer_id = "only-demo" }))["id"]!;
        await admin.PostJsonAsync($"/api/v1/sessions/{session}/messages", new { message = "hello" });
        var other = await app.AddTenantAsync("gdpr-other");
        var otherAdmin = app.AdminClient(other.Id);

        using var foreignExport = await otherAdmin.GetAsync("/api/v1/customers/only-demo/export", Ct);
        using var foreignErase = await otherAdmin.DeleteAsync("/api/v1/customers/only-demo", Ct);
        using var unknown = await admin.GetAsync("/api/v1/customers/nobody/export", Ct);
        using var tooLong = await admin.DeleteAsync("/api/v1/customers/" + new string('x', 201), Ct);
        using var control = await admin.GetAsync("/api/v1/customers/a%01b/export", Ct);
        using var byOperator = await app.OperatorClient().GetAsync("/api/v1/customers/only-demo/export", Ct);
        using var eraseByOperator = await app.OperatorClient().DeleteAsync("/api/v1/customers/only-demo", Ct);
        using var byCustomer = await app.ClientAs(Role.Customer).DeleteAsync("/api/v1/customers/only-demo", Ct);
        using var still = await admin.GetAsync("/api/v1/customers/only-demo/export", Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreignExport.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignErase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, eraseByOperator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    /// <summary>Whether the database file or its write-ahead log holds the text's UTF-8 bytes anywhere (free pages included).</summary>
    private static bool FileContains(string path, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        foreach (var file in new[] { path, path + "-wal" })
        {
            if (!File.Exists(file))
            {
                continue;
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            if (memory.GetBuffer().AsSpan(0, (int)memory.Length).IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
