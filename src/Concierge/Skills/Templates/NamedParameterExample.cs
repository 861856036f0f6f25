namespace Concierge.Skills.Templates;

/// <summary>The example value of a named variable (<c>{"param_name","example"}</c> in Meta's JSON).</summary>
public sealed record NamedParameterExample(string ParamName, string Example);
