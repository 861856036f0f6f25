using Concierge.Configuration;
using Microsoft.Extensions.Configuration;

namespace Concierge.Tests.Configuration;

public sealed class SettingAliasesTests
{
    private static readonly SettingAlias[] Aliases =
    [
        new("SESSION_TTL", "Concierge:Conversations:SessionTtl"),
        new("CORS_ORIGINS", "Concierge:Http:CorsOrigins"),
        new("ALLOWED_ORIGINS", "Concierge:Http:CorsOrigins"),
    ];

    private static IConfigurationRoot Build(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .BuildWithAliases(Aliases);

    [Fact]
    public void A_seed_name_sets_its_concierge_key()
    {
        var configuration = Build(("SESSION_TTL", "2h"));

        Assert.Equal("2h", configuration["Concierge:Conversations:SessionTtl"]);
        Assert.Equal(TimeSpan.FromHours(2), Settings.Duration(configuration, "Concierge:Conversations:SessionTtl", TimeSpan.Zero));
    }

    [Fact]
    public void The_seed_name_wins_over_the_key_from_a_shipped_file()
    {
        var configuration = Build(("Concierge:Conversations:SessionTtl", "1h"), ("SESSION_TTL", "3h"));

        Assert.Equal("3h", configuration["Concierge:Conversations:SessionTtl"]);
    }

    [Fact]
    public void Without_the_seed_name_the_key_is_read_as_set()
    {
        var configuration = Build(("Concierge:Conversations:SessionTtl", "1h"), ("SESSION_TTL", ""));

        Assert.Equal("1h", configuration["Concierge:Conversations:SessionTtl"]);
        Assert.Equal("Concierge:Conversations:SessionTtl", Settings.NameOf(configuration, "Concierge:Conversations:SessionTtl"));
    }

    [Fact]
    public void A_bad_value_set_by_a_seed_name_is_reported_under_that_name()
    {
        var configuration = Build(("SESSION_TTL", "soon"));

        var error = Assert.Throws<InvalidSettingException>(() => Settings.Duration(configuration, "Concierge:Conversations:SessionTtl", TimeSpan.Zero));

        Assert.Contains("SESSION_TTL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_of_two_seed_names_for_one_key_wins()
    {
        var configuration = Build(("ALLOWED_ORIGINS", "https://b.example"), ("CORS_ORIGINS", "https://a.example"));

        Assert.Equal("https://a.example", configuration["Concierge:Http:CorsOrigins"]);
        Assert.Equal("CORS_ORIGINS", Settings.NameOf(configuration, "Concierge:Http:CorsOrigins"));
    }

    [Fact]
    public void Sections_list_the_keys_the_seed_names_set_so_options_binding_sees_them()
    {
        var configuration = Build(("SESSION_TTL", "2h"), ("Concierge:Conversations:HistoryMessages", "20"));

        var section = configuration.GetSection("Concierge:Conversations");

        Assert.Equal(["HistoryMessages", "SessionTtl"], section.GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal("2h", section["SessionTtl"]);
    }

    [Fact]
    public void A_source_added_after_the_aliases_is_still_read()
    {
        var manager = new ConfigurationManager();
        manager.AddSettingAliases(Aliases);
        manager.AddInMemoryCollection(new Dictionary<string, string?> { ["SESSION_TTL"] = "4h" });

        Assert.Equal("4h", manager["Concierge:Conversations:SessionTtl"]);
        Assert.Equal("SESSION_TTL", Settings.NameOf(manager, "Concierge:Conversations:SessionTtl"));
    }
}
