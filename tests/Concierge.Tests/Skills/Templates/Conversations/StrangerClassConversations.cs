using System.Text.Json;

namespace Concierge.Tests.Skills.Templates.Conversations;

/// <summary>
/// Conversations for the failure classes found after issue 18 (regional vocabulary, a description
/// turned into a message to the customer, a purpose clause kept whole, buttons named by their
/// action), kept in <c>class-conversations.json</c>. Each is written in other words than the reports
/// so that the class is fixed rather than the sentence; every one must pass.
/// </summary>
public class StrangerClassConversations
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    internal static IReadOnlyList<StrangerCase> Cases { get; } = JsonSerializer.Deserialize<List<StrangerCase>>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Skills", "Templates", "Conversations", "class-conversations.json")), Options)!;

    public static TheoryData<string> Names => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_conversation_reaches_its_expected_final_and_never_an_invalid_one(string name)
    {
        var conversation = Cases.Single(c => c.Name == name);
        var invalid = new List<string>();
        var (passed, why, transcript) = StrangerConversationSuite.Play(conversation, invalid);
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
        Assert.True(passed, $"{why}\n{transcript}");
    }
}
