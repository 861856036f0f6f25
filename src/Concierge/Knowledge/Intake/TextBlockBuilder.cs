using System.Text;

namespace Concierge.Knowledge.Intake;

/// <summary>
/// Collects headings and paragraphs from an extractor into one text, with whitespace made plain and a
/// cap on the characters kept, so no extractor can build an unbounded string.
/// </summary>
internal sealed class TextBlockBuilder(int maxChars)
{
    private const string BlockSeparator = "\n\n";

    private readonly StringBuilder _text = new();
    private readonly List<TextBlock> _blocks = [];

    public bool IsFull { get; private set; }

    public bool HasText => _blocks.Count > 0;

    public string? FirstTopHeading { get; private set; }

    public void AddHeading(int level, string text) => Add(TextBlockKind.Heading, Math.Clamp(level, 1, 6), text);

    public void AddParagraph(string text) => Add(TextBlockKind.Paragraph, 0, text);

    public (string Text, IReadOnlyList<TextBlock> Blocks) Build() => (_text.ToString(), _blocks);

    private void Add(TextBlockKind kind, int level, string raw)
    {
        if (IsFull)
        {
            return;
        }

        var clean = Plain(raw);
        if (!clean.Any(char.IsLetterOrDigit))
        {
            return;
        }

        var start = _blocks.Count == 0 ? 0 : _text.Length + BlockSeparator.Length;
        var room = maxChars - start;
        if (room < clean.Length)
        {
            IsFull = true;
            clean = CutAtWord(clean, room);
            if (clean.Length == 0)
            {
                return;
            }
        }

        if (_blocks.Count > 0)
        {
            _text.Append(BlockSeparator);
        }

        _text.Append(clean);
        _blocks.Add(new TextBlock(kind, level, start, clean));
        if (kind == TextBlockKind.Heading && level == 1)
        {
            FirstTopHeading ??= clean;
        }
    }

    // One space for any run of whitespace, no control characters (NUL cannot be stored in PostgreSQL
    // text), no lone surrogates, composed accents so the same word always has the same code points.
    private static string Plain(string raw)
    {
        var result = new StringBuilder(raw.Length);
        var pendingSpace = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            var paired = char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]);
            if (char.IsSurrogate(c) && !paired)
            {
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
            if (paired)
            {
                result.Append(raw[++i]);
            }
        }

        return result.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string CutAtWord(string text, int room)
    {
        if (room <= 0)
        {
            return string.Empty;
        }

        var space = text.LastIndexOf(' ', Math.Min(room, text.Length - 1));
        var cut = space > 0 ? text[..space] : text[..room];
        return char.IsHighSurrogate(cut[^1]) ? cut[..^1] : cut;
    }
}
