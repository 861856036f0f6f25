using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Concierge.Conversations;
using Concierge.Knowledge.Answers;
using Concierge.Knowledge.Library;
using Concierge.Models;

namespace Concierge.Skills.Knowledge;

/// <summary>
/// The model's side of a knowledge answer: the request that gives it the numbered passages, and
/// the check of what it wrote. A reply must cite at least one passage as [n], and only numbers it
/// was given: an uncited reply may be invented, and a number it was not given certainly is. An
/// accepted reply gets the <see cref="SourceList"/> of what it cited appended by the server.
/// </summary>
public static partial class KnowledgeCitations
{
    public static ModelRequest Wording(SkillContext context, IReadOnlyList<RankedPassage> passages, string language)
    {
        var prompt = new StringBuilder()
            .AppendLine(context.Agent.Instructions)
            .AppendLine()
            .AppendLine("Answer the user's question using only the numbered sources below. Cite every fact with the number of its source in square brackets, like [1].")
            .AppendLine("Do not use anything you know from elsewhere. If the sources do not answer the question, say that you could not find it in the documents.")
            .AppendLine("Do not list the sources at the end: the list of the ones you cited is added for you.")
            .Append("Answer in the user's language (").Append(language).AppendLine("), briefly.")
            .AppendLine();
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            prompt.Append(CultureInfo.InvariantCulture, $"[{i + 1}] {p.Title}");
            if (p.HeadingPath.Length > 0)
            {
                prompt.Append(" (").Append(p.HeadingPath).Append(')');
            }

            prompt.AppendLine().AppendLine(p.Text).AppendLine();
        }

        return new ModelRequest(
            [new ModelMessage(MessageRole.System, prompt.ToString()), new ModelMessage(MessageRole.User, context.UserText)],
            context.Agent.Temperature,
            MaxOutputTokens: 600);
    }

    /// <summary>
    /// Accepts the reply with the passages it cites, and the source list to append (in
    /// <paramref name="language"/>, numbered as the reply cites them), or refuses it.
    /// </summary>
    public static ReplyCheck Check(string reply, IReadOnlyList<RankedPassage> passages, string language)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var cited = new SortedSet<int>();
        foreach (Match match in CitationMarker().Matches(reply ?? string.Empty))
        {
            if (!int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > passages.Count)
            {
                return ReplyCheck.Refused($"it cites [{match.Groups[1].Value}], which was not among the {passages.Count} sources given");
            }

            cited.Add(number);
        }

        return cited.Count == 0
            ? ReplyCheck.Refused("it cites none of the sources it was given")
            : ReplyCheck.Accepted(
                [.. cited.Select(n => Source(passages[n - 1]))],
                SourceList.Separator + SourceList.Format([.. cited.Select(n => (n, passages[n - 1]))], language));
    }

    private static ReplySource Source(RankedPassage passage) =>
        new(passage.DocumentId, passage.Title, passage.ChunkId, Snippets.Of(passage.Text));

    [GeneratedRegex(@"\[(\d{1,6})\]")]
    private static partial Regex CitationMarker();
}
