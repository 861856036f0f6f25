using static Concierge.Skills.Templates.TemplateRules;

namespace Concierge.Skills.Templates;

public sealed partial class TemplateValidator
{
    /// <summary>The rules on variables inside one text component (header or body).</summary>
    private static void CheckVariables(
        string text,
        IReadOnlyList<string> examples,
        IReadOnlyList<NamedParameterExample> namedExamples,
        string path,
        string where,
        bool isBody,
        List<RuleViolation> found)
    {
        foreach (var fragment in TemplateText.MalformedFragments(text).Distinct().Take(5))
        {
            found.Add(new(ParamsSyntax,
                $"The {where} has {TemplateText.Quote(fragment)}, which is not a variable; write variables as {{{{1}}}} or {{{{first_name}}}} (lowercase letters and underscores), with no spaces inside the braces.",
                $"{path}.text"));
        }

        var variables = TemplateText.Variables(text);

        if (isBody)
        {
            CheckEdges(text, path, found);
        }

        for (var i = 1; i < variables.Count; i++)
        {
            var between = text[variables[i - 1].End..variables[i].Index];
            if (string.IsNullOrWhiteSpace(between))
            {
                found.Add(new(ParamsAdjacent,
                    $"The {where} has {variables[i - 1].Token} and {variables[i].Token} next to each other; put words or punctuation between them.",
                    $"{path}.text"));
            }
        }

        if (isBody && variables.Count > 0)
        {
            var words = TemplateText.StaticWordCount(text);
            if (variables.Count * WordsPerVariable > words)
            {
                found.Add(new(ParamsRatio,
                    $"The body has {TemplateText.Count(variables.Count, "variable")} and only {TemplateText.Count(words, "word")} of fixed text; it needs at least {WordsPerVariable} words per variable ({variables.Count * WordsPerVariable}). Add words or remove variables.",
                    $"{path}.text"));
            }
        }

        var positional = variables.Where(v => v.IsPositional).ToList();
        var named = variables.Where(v => !v.IsPositional).ToList();
        if (positional.Count > 0 && named.Count > 0)
        {
            found.Add(new(ParamsMixed,
                $"The {where} mixes positional ({positional[0].Token}) and named ({named[0].Token}) variables; use one kind in the whole template.",
                $"{path}.text"));
        }

        if (positional.Count > 0)
        {
            CheckSequence(positional, path, where, found);
        }

        CheckPositionalExamples(positional, examples, path, where, isBody, found);
        CheckNamedExamples(named, namedExamples, path, where, isBody, found);
    }

    private static void CheckEdges(string text, string path, List<RuleViolation> found)
    {
        var variables = TemplateText.Variables(text);
        if (variables.Count == 0)
        {
            return;
        }

        var first = variables[0];
        if (IsOnlyPunctuation(text[..first.Index]))
        {
            found.Add(new(ParamsEdges,
                $"The body starts with the variable {first.Token}; Meta rejects templates that start with a variable. Put a word before it (for example 'Hello {first.Token}').",
                $"{path}.text"));
        }

        var last = variables[^1];
        if (IsOnlyPunctuation(text[last.End..]))
        {
            found.Add(new(ParamsEdges,
                $"The body ends with the variable {last.Token}; Meta rejects templates that end with a variable, even with punctuation after it. Add a closing sentence.",
                $"{path}.text"));
        }
    }

    /// <summary>True when the text is only whitespace, punctuation and symbols (emoji included): no word.</summary>
    private static bool IsOnlyPunctuation(string text) => !text.Any(char.IsLetterOrDigit);

    private static void CheckSequence(List<TemplateVariable> positional, string path, string where, List<RuleViolation> found)
    {
        var numbers = positional.Select(v => v.Number!.Value).ToList();
        var inOrder = true;
        for (var i = 0; i < numbers.Count; i++)
        {
            if (numbers[i] != i + 1)
            {
                inOrder = false;
                break;
            }
        }

        if (inOrder)
        {
            return;
        }

        var seen = string.Join(", ", numbers.Select(n => $"{{{{{n}}}}}"));
        var expected = string.Join(", ", Enumerable.Range(1, numbers.Count).Select(n => $"{{{{{n}}}}}"));
        var duplicate = numbers.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1)?.Key;
        var reason = duplicate is not null
            ? $"{{{{{duplicate}}}}} is used more than once; each number appears once"
            : "they must be numbered from {{1}} up, in order of appearance";
        found.Add(new(ParamsSequence,
            $"The {where}'s variables appear as {seen}; {reason} ({expected}).",
            $"{path}.text"));
    }

    private static void CheckPositionalExamples(
        List<TemplateVariable> positional,
        IReadOnlyList<string> examples,
        string path,
        string where,
        bool isBody,
        List<RuleViolation> found)
    {
        var examplePath = $"{path}.example.{(isBody ? "body_text" : "header_text")}";
        foreach (var number in positional.Select(v => v.Number!.Value).Distinct())
        {
            if (number > examples.Count || string.IsNullOrWhiteSpace(examples[number - 1]))
            {
                found.Add(new(ParamsExample,
                    $"The {where} variable {{{{{number}}}}} has no example value; Meta needs one for every variable (for example a real-looking name, date or code).",
                    examplePath));
            }
        }

        var highest = positional.Count == 0 ? 0 : positional.Max(v => v.Number!.Value);
        if (examples.Count > highest)
        {
            found.Add(new(ParamsExample, highest == 0
                    ? $"The {where} has {TemplateText.Count(examples.Count, "example value")} but no numbered variable; remove them."
                    : $"The {where} has {TemplateText.Count(examples.Count, "example value")} but its variables go up to {{{{{highest}}}}}; give exactly one example per variable.",
                examplePath));
        }

    }

    private static void CheckNamedExamples(
        List<TemplateVariable> named,
        IReadOnlyList<NamedParameterExample> namedExamples,
        string path,
        string where,
        bool isBody,
        List<RuleViolation> found)
    {
        var examplePath = $"{path}.example.{(isBody ? "body_text_named_params" : "header_text_named_params")}";
        var names = named.Select(v => v.Name!).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            var example = namedExamples.FirstOrDefault(e => e.ParamName == name);
            if (example is null || string.IsNullOrWhiteSpace(example.Example))
            {
                found.Add(new(ParamsExample,
                    $"The {where} variable {{{{{name}}}}} has no example value; Meta needs one for every variable.",
                    examplePath));
            }
        }

        foreach (var extra in namedExamples.Where(e => !names.Contains(e.ParamName, StringComparer.Ordinal)).Select(e => e.ParamName).Distinct())
        {
            found.Add(new(ParamsExample,
                $"The {where} has an example for '{extra}' but no {{{{{extra}}}}} variable; remove it.",
                examplePath));
        }

        foreach (var twice in namedExamples.GroupBy(e => e.ParamName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            found.Add(new(ParamsExample, $"The {where} has more than one example for '{twice}'.", examplePath));
        }

    }

    /// <summary>params.mixed across the template and against its declared parameter_format.</summary>
    private static void CheckParameterFormat(TemplateDraft draft, List<RuleViolation> found)
    {
        var texts = draft.Components
            .Select(c => c switch
            {
                HeaderComponent { Format: HeaderFormat.Text } h => h.Text,
                BodyComponent b when !draft.IsAuthentication => b.Text,
                _ => null,
            })
            .Where(t => !string.IsNullOrEmpty(t))
            .Select(t => TemplateText.Variables(t))
            .ToList();
        var positional = texts.SelectMany(v => v).FirstOrDefault(v => v.IsPositional);
        var named = texts.SelectMany(v => v).FirstOrDefault(v => v.Name is not null);
        var eachMixedWithin = texts.Any(v => v.Any(x => x.IsPositional) && v.Any(x => !x.IsPositional));

        if (positional.Token is not null && named.Token is not null)
        {
            if (!eachMixedWithin)
            {
                found.Add(new(ParamsMixed,
                    $"The template mixes positional ({positional.Token}) and named ({named.Token}) variables across its components; use one kind everywhere.",
                    "components"));
            }

            return;
        }

        if (draft.ParameterFormat == TemplateParameterFormat.Positional && named.Token is not null)
        {
            found.Add(new(ParamsMixed,
                $"The template uses the named variable {named.Token} but its parameter_format is POSITIONAL; set parameter_format to NAMED or number the variables.",
                "parameter_format"));
        }
        else if (draft.ParameterFormat == TemplateParameterFormat.Named && positional.Token is not null)
        {
            found.Add(new(ParamsMixed,
                $"The template uses the positional variable {positional.Token} but its parameter_format is NAMED; name the variable (e.g. {{{{first_name}}}}) or set parameter_format to POSITIONAL.",
                "parameter_format"));
        }
    }
}
