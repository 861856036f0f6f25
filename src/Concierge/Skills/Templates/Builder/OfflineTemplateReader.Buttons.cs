using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using M = Concierge.Skills.Templates.Builder.TemplateMemoryKeys;
using W = Concierge.Skills.Templates.Builder.ReaderLexicon;

namespace Concierge.Skills.Templates.Builder;

/// <summary>The offline reader's buttons: link and call buttons from URLs and numbers, quick replies from labels.</summary>
public sealed partial class OfflineTemplateReader
{
    private static void ReadButtons(
        string masked,
        string folded,
        Dictionary<string, List<(int Index, string Text)>> texts,
        List<(int Index, string Url)> urls,
        List<(int Index, string Value)> phones,
        Dictionary<string, bool> wishes,
        TemplateMemory memory,
        JsonObject updates)
    {
        var current = memory.ButtonList.ToList();
        var labels = texts.TryGetValue(W.Buttons, out var quoted) ? quoted : [];
        if (labels.Count == 0 && ButtonListPattern().Match(masked) is { Success: true } list)
        {
            labels = SplitList(list.Groups["t"].Value).Select(l => (list.Index, l)).ToList();
        }

        if (labels.Count == 0 && ButtonLabelsPattern().Match(masked) is { Success: true } named)
        {
            labels = SplitList(named.Groups["t"].Value).Where(l => l.Length <= TemplateRules.MaxButtonLabelLength).Select(l => (named.Index, l)).ToList();
        }

        if (labels.Count == 0)
        {
            labels = ActionLabels(masked);
        }

        // "no buttons" refuses them; "remove the 'No' button" removes that one; labels given under a plain
        // "no"/"sin" scope ("sin encabezado, botones 'Sí' y 'No'") are wanted: the labels win.
        var refused = wishes.TryGetValue(W.Buttons, out var wanted) && !wanted
            && (labels.Count == 0 || TextScan.HasAny(folded, W.RemoveWords));
        if (refused)
        {
            // "remove the 'No' button" removes that one; "no buttons" removes them all.
            var remaining = labels.Count == 0 ? [] : current.Where(b => !labels.Any(l => string.Equals(l.Text, b.Text, StringComparison.OrdinalIgnoreCase))).ToList();
            updates[M.Buttons] = MemoryRules.ToArray(remaining);
            updates[M.WantsButtons] = remaining.Count > 0;
            return;
        }

        var added = new List<ButtonWish>();
        var usedLabels = new HashSet<int>();
        foreach (var (index, url) in urls)
        {
            var label = NearestLabel(labels, index, usedLabels);
            var waiting = current.FindIndex(b => b.Type == TemplateButton.UrlType && b.Url is null);
            if (waiting >= 0)
            {
                current[waiting] = current[waiting] with { Url = url, Text = label ?? current[waiting].Text };
            }
            else
            {
                added.Add(new ButtonWish(TemplateButton.UrlType, label, Url: url));
            }
        }

        foreach (var (index, value) in phones.Take(1))
        {
            var label = NearestLabel(labels, index, usedLabels);
            var phone = value.StartsWith('+') ? new string(value.Where(c => c == '+' || char.IsDigit(c)).ToArray()) : value;
            var existing = current.FindIndex(b => b.Type == TemplateButton.PhoneNumberType);
            if (existing >= 0)
            {
                current[existing] = current[existing] with { PhoneNumber = phone, Text = label ?? current[existing].Text };
            }
            else
            {
                added.Add(new ButtonWish(TemplateButton.PhoneNumberType, label, PhoneNumber: phone));
            }
        }

        if (urls.Count == 0 && TextScan.HasAny(folded, W.UrlButtonWords) && !current.Any(b => b.Type == TemplateButton.UrlType))
        {
            added.Add(new ButtonWish(TemplateButton.UrlType, NearestLabel(labels, -1, usedLabels)));
        }

        if (phones.Count == 0 && TextScan.HasAny(folded, W.PhoneButtonWords) && !current.Any(b => b.Type == TemplateButton.PhoneNumberType))
        {
            added.Add(new ButtonWish(TemplateButton.PhoneNumberType, NearestLabel(labels, -1, usedLabels)));
        }

        var quickReplies = labels.Where((_, i) => !usedLabels.Contains(i)).Select(l => new ButtonWish(TemplateButton.QuickReplyType, l.Text)).ToList();
        var replacing = quickReplies.Count > 0 && !TextScan.HasAny(folded, W.AddWords);
        if (replacing)
        {
            current.RemoveAll(b => b.Type == TemplateButton.QuickReplyType);
        }

        added.AddRange(quickReplies);
        var changed = added.Count > 0 || urls.Count > 0 || phones.Count > 0;
        if (changed)
        {
            updates[M.Buttons] = MemoryRules.ToArray(current.Concat(added));
            updates[M.WantsButtons] = true;
        }
        else if (wishes.TryGetValue(W.Buttons, out var wantsButtons))
        {
            updates[M.WantsButtons] = wantsButtons;
        }
    }

    /// <summary>The first unused button label within 60 characters of a URL or number (or any, for a pending link).</summary>
    private static string? NearestLabel(List<(int Index, string Text)> labels, int index, HashSet<int> used)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (!used.Contains(i) && (index < 0 || Math.Abs(labels[i].Index - index) <= 60))
            {
                used.Add(i);
                return labels[i].Text;
            }
        }

        return null;
    }

    // "a button to confirm and one to cancel", "botón para confirmar y otro para cancelar", "un bouton pour
    // confirmer et un pour annuler": each verb names a quick reply the user asked for.
    [GeneratedRegex(@"\b(?:buttons?|bot[oó]n|botones|bot[aã]o|bot[oõ]es|boutons?)\s+(?:(?:to|para|pra|pour)\s+)(?<a>\p{L}{3,20})(?:\s*(?:,|and|y|e|et|ou|or|o)\s+(?:(?:one|another|otro|otra|uno|outro|um|un|une|autre|l'autre|un\s+autre|a\s+second)\s+)?(?:(?:button|bot[oó]n|bot[aã]o|bouton)\s+)?(?:to|para|pra|pour)\s+(?<b>\p{L}{3,20}))?", RegexOptions.IgnoreCase)]
    private static partial Regex ActionButtonsPattern();

    /// <summary>Verbs that ask for a link or a call button, not a quick reply (their own rules read them).</summary>
    private static readonly string[] LinkOrCallVerbs =
    [
        "call", "phone", "track", "visit", "open", "pay", "buy", "shop", "see", "view", "llamar", "seguir", "rastrear", "visitar", "pagar", "comprar", "ver", "abrir",
        "ligar", "acompanhar", "appeler", "suivre", "visiter", "payer", "acheter", "voir", "ouvrir",
    ];

    private static List<(int Index, string Text)> ActionLabels(string masked)
    {
        if (ActionButtonsPattern().Match(masked) is not { Success: true } match)
        {
            return [];
        }

        var verbs = new[] { match.Groups["a"], match.Groups["b"] }.Where(g => g.Success).Select(g => g.Value).ToList();
        return verbs.Any(v => LinkOrCallVerbs.Contains(TextScan.Fold(v), StringComparer.Ordinal))
            ? []
            : [.. verbs.Select(v => (match.Index, char.ToUpperInvariant(v[0]) + v[1..].ToLowerInvariant()))];
    }

    private static List<string> SplitList(string text) =>
        ListSeparator().Split(text)
            .Select(TextScan.CleanQuoted)
            .Where(l => l.Length > 0 && l.Any(char.IsLetterOrDigit))
            .Take(10)
            .ToList();
}
