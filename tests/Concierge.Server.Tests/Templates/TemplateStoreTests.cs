using Concierge.Server.WhatsApp;
using Concierge.Storage.Templates;
using Concierge.Agents;
using Concierge.Server.Templates;
using Concierge.Server.Tests.Infrastructure;
using Concierge.Server.Tests.Storage;
using Concierge.Templates;

namespace Concierge.Server.Tests.Templates;

/// <summary>The template store's contract, on SQLite and on a real PostgreSQL.</summary>
public sealed class TemplateStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SqlTemplateStore StoreOf(StorageHarness db) => new(db.Database, TimeProvider.System);

    private static TemplateStatusUpdate Event(
        TemplateStatus status, string? metaId = null, string? name = null, string? language = null, string? reason = "NONE", string key = "k1", DateTimeOffset? at = null) =>
        new(metaId, name, language, status, reason, key, at ?? DateTimeOffset.FromUnixTimeSeconds(1_790_000_000));

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_final_payload_is_stored_as_a_draft_scoped_by_tenant(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        var store = StoreOf(db);
        var session = await db.CreateDemoSessionAsync();
        var payload = TemplateSamples.Payload();

        var saved = await store.SaveFinalAsync(DemoTenant.TenantId, session.Id, payload, Ct);
        var found = await store.FindAsync(DemoTenant.TenantId, saved.Id, Ct);

        Assert.NotNull(found);
        Assert.Equal(TemplateStatus.Draft, found.Status);
        Assert.Equal(("order_shipped", "en_US", "UTILITY"), (found.Name, found.Language, found.Category));
        Assert.Equal(session.Id, found.SessionId);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(payload, found.Payload));
        Assert.Null(found.MetaTemplateId);
        Assert.Null(await store.FindAsync(StorageHarness.OtherTenantId, saved.Id, Ct));
        Assert.Empty(await store.ListAsync(StorageHarness.OtherTenantId, Ct));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_second_final_for_the_same_name_and_language_replaces_the_first(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        var store = StoreOf(db);
        var first = await store.SaveFinalAsync(DemoTenant.TenantId, null, TemplateSamples.Payload(), Ct);
        await store.MarkSubmittedAsync(DemoTenant.TenantId, first.Id, "111", TemplateStatus.Rejected, null, Ct);

        var second = await store.SaveFinalAsync(DemoTenant.TenantId, null, TemplateSamples.Payload(category: "MARKETING"), Ct);
        var spanish = await store.SaveFinalAsync(DemoTenant.TenantId, null, TemplateSamples.Payload(language: "es"), Ct);
        var other = await store.SaveFinalAsync(StorageHarness.OtherTenantId, null, TemplateSamples.Payload(), Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(TemplateStatus.Draft, second.Status);
        Assert.Equal("MARKETING", second.Category);
        Assert.Equal("111", second.MetaTemplateId);
        Assert.NotEqual(first.Id, spanish.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal([spanish.Id, first.Id], (await store.ListAsync(DemoTenant.TenantId, Ct)).Select(t => t.Id));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveFinalAsync(DemoTenant.TenantId, null, new() { ["language"] = "en" }, Ct));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Submission_and_status_events_update_the_template_once(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        var store = StoreOf(db);
        var saved = await store.SaveFinalAsync(DemoTenant.TenantId, null, TemplateSamples.Payload(), Ct);

        var submitted = await store.MarkSubmittedAsync(DemoTenant.TenantId, saved.Id, "594425479261596", TemplateStatus.Pending, "MARKETING", Ct);
        Assert.Null(await store.MarkSubmittedAsync(StorageHarness.OtherTenantId, saved.Id, "1", TemplateStatus.Pending, null, Ct));

        Assert.NotNull(submitted);
        Assert.Equal(("594425479261596", TemplateStatus.Pending, "MARKETING"), (submitted.MetaTemplateId, submitted.Status, submitted.Category));
        Assert.NotNull(submitted.SubmittedAt);

        var rejected = Event(TemplateStatus.Rejected, metaId: "594425479261596", reason: "INVALID_FORMAT", key: "a");
        Assert.Equal(TemplateUpdateOutcome.NotFound, await store.ApplyStatusUpdateAsync(StorageHarness.OtherTenantId, rejected, Ct));
        Assert.Equal(TemplateUpdateOutcome.Applied, await store.ApplyStatusUpdateAsync(DemoTenant.TenantId, rejected, Ct));
        Assert.Equal(TemplateUpdateOutcome.Duplicate, await store.ApplyStatusUpdateAsync(DemoTenant.TenantId, rejected, Ct));

        var afterRejection = await store.FindAsync(DemoTenant.TenantId, saved.Id, Ct);
        Assert.Equal((TemplateStatus.Rejected, "INVALID_FORMAT"), (afterRejection!.Status, afterRejection.RejectionReason));

        // An older event arriving late changes nothing; a newer one applies and clears the reason.
        var older = Event(TemplateStatus.Pending, metaId: "594425479261596", key: "b", at: DateTimeOffset.FromUnixTimeSeconds(1_789_000_000));
        Assert.Equal(TemplateUpdateOutcome.Stale, await store.ApplyStatusUpdateAsync(DemoTenant.TenantId, older, Ct));
        var approved = Event(TemplateStatus.Approved, metaId: "594425479261596", key: "c", at: DateTimeOffset.FromUnixTimeSeconds(1_790_000_100));
        Assert.Equal(TemplateUpdateOutcome.Applied, await store.ApplyStatusUpdateAsync(DemoTenant.TenantId, approved, Ct));

        var final = await store.FindAsync(DemoTenant.TenantId, saved.Id, Ct);
        Assert.Equal(TemplateStatus.Approved, final!.Status);
        Assert.Null(final.RejectionReason);
        Assert.Equal("c", final.LastEventKey);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_790_000_100), final.LastEventAt);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_status_event_without_a_known_id_matches_by_name_and_normalised_language(DatabaseKind kind)
    {
        await using var db = await StorageHarness.CreateAsync(kind);
        var store = StoreOf(db);
        var saved = await store.SaveFinalAsync(DemoTenant.TenantId, null, TemplateSamples.Payload(language: "pt_BR"), Ct);

        // No entry time either: the event still applies.
        var outcome = await store.ApplyStatusUpdateAsync(
            DemoTenant.TenantId, new TemplateStatusUpdate("777", "order_shipped", "pt-br", TemplateStatus.Approved, "NONE", "k1", null), Ct);
        var unknown = await store.ApplyStatusUpdateAsync(DemoTenant.TenantId, Event(TemplateStatus.Approved, metaId: "778", name: "no_such_template", language: "en_US"), Ct);

        Assert.Equal(TemplateUpdateOutcome.Applied, outcome);
        Assert.Equal(TemplateUpdateOutcome.NotFound, unknown);
        var found = await store.FindAsync(DemoTenant.TenantId, saved.Id, Ct);
        Assert.Equal((TemplateStatus.Approved, "777"), (found!.Status, found.MetaTemplateId));
        Assert.Null(found.LastEventAt);
    }

    [Theory]
    [InlineData("en-US", "en_US")]
    [InlineData("en_us", "en_US")]
    [InlineData("pt-BR", "pt_BR")]
    [InlineData("ES", "es")]
    [InlineData("fil", "fil")]
    [InlineData(" zh_HK ", "zh_HK")]
    public void Languages_normalise_to_metas_form(string raw, string expected) =>
        Assert.Equal(expected, TemplateLanguage.Normalize(raw));
}
