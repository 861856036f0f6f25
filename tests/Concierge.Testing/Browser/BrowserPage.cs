using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Concierge.Testing.Browser;

/// <summary>
/// A test's page in its own browser context, with what the page did that a test may want to
/// assert on: every dialog it opened (alert, confirm: dismissed at once, so a test never hangs),
/// every console error (a Content-Security-Policy refusal shows up there), every uncaught error.
/// Disposing closes the context.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    internal BrowserPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Dialog += (_, dialog) =>
        {
            Dialogs.Enqueue($"{dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Enqueue(error);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>"alert: 1" for each dialog the page opened.</summary>
    public ConcurrentQueue<string> Dialogs { get; } = new();

    /// <summary>Console errors and uncaught exceptions, in order.</summary>
    public ConcurrentQueue<string> ConsoleErrors { get; } = new();

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
