namespace Concierge.Knowledge.Answers;

/// <summary>A question a tenant answered by hand; it wins over quoting documents when a user asks it.</summary>
/// <param name="Language">The language of <paramref name="Question"/>; guessed from it when null.</param>
public sealed record CuratedAnswer(string Id, string Question, string Answer, string? Language = null);
