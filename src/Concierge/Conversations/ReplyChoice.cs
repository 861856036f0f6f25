namespace Concierge.Conversations;

/// <summary>
/// One short answer a reply offers. <see cref="Id"/> is the text a customer would type for it, so a
/// tapped button or list row (or "2" on SMS) is taken as an ordinary turn whose text is the id;
/// <see cref="Title"/> is what the button shows. WhatsApp cuts ids at 256 characters and titles at 20
/// (buttons) or 24 (list rows): the channel trims the title, never the id.
/// </summary>
public sealed record ReplyChoice(string Id, string Title)
{
    /// <summary>WhatsApp's longest reply id (button and list row).</summary>
    public const int MaxIdLength = 256;

    /// <summary>At most this many choices are offered: a WhatsApp list holds ten rows.</summary>
    public const int MaxCount = 10;

    /// <summary>The title cut to <paramref name="length"/> characters, with an ellipsis when it was longer (text elements kept whole).</summary>
    public string TitleWithin(int length)
    {
        var info = new System.Globalization.StringInfo(Title.Trim());
        return info.LengthInTextElements <= length ? info.String : info.SubstringByTextElements(0, length - 1).TrimEnd() + "…";
    }
}
