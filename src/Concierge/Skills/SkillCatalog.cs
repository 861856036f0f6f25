using Concierge.Conversations;

namespace Concierge.Skills;

/// <summary>The skills this instance can run, by name.</summary>
public sealed class SkillCatalog(IEnumerable<ISkill> skills)
{
    private readonly Dictionary<string, ISkill> _byName = skills.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public ISkill Get(string name) =>
        _byName.TryGetValue(name, out var skill)
            ? skill
            : throw new InvalidOperationException($"The agent's skill '{name}' is not installed (known: {string.Join(", ", _byName.Keys)}).");

    /// <summary>What the routes show of the session's skill state (empty for a skill this instance does not run).</summary>
    public SkillView ViewOf(Session session) =>
        session.Skill is { } name && _byName.TryGetValue(name, out var skill) ? skill.View(session.State) : SkillView.Empty;
}
