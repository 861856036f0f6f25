using Microsoft.Playwright;
using Xunit;
using Xunit.v3;

namespace Concierge.Testing.Browser;

/// <summary>
/// One headless Chromium (Debian's <c>/usr/bin/chromium</c>, driven by Playwright; Playwright
/// downloads no browser of its own) for a test collection or class, and a fresh browser context
/// with one page for each test (<see cref="NewPageAsync"/>): cookies and localStorage are the
/// test's own, and a reload in the same <see cref="BrowserPage"/> keeps them. Where Chromium is not
/// installed a test that asks for a page is skipped, except under CI=true, where the fixture fails.
/// </summary>
/// <remarks>
/// Use it as a class fixture (<c>IClassFixture&lt;BrowserFixture&gt;</c>) or a collection fixture
/// (<c>[CollectionDefinition] class X : ICollectionFixture&lt;BrowserFixture&gt;</c> in the test
/// assembly). Playwright needs a real URL: run the server on a real port (ServerProcess, or
/// ConciergeApp with Kestrel).
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string NotInstalledSkip = "Chromium is not installed (apt-get install chromium): the browser tests did not run";

    /// <summary>Where a browser is looked for: CHROMIUM_PATH first, then Debian's places.</summary>
    public static string? Find() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    private IPlaywright? _playwright;

    /// <summary>The browser, or null when Chromium is not installed (outside CI).</summary>
    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var executable = Find();
        if (executable is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("Chromium is not installed (/usr/bin/chromium); test.sh installs the chromium package, and under CI=true its absence is a failure, not a skip.");
            }

            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Debian's chromium as root needs no sandbox flag from us: Playwright passes --no-sandbox
            // unless ChromiumSandbox is set. Shared memory is small in some containers.
            Args = ["--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    /// <summary>
    /// A new context and page (a phone-sized one with <see cref="Phone"/>); skips the test when
    /// Chromium is missing. Dispose it at the end of the test.
    /// </summary>
    public async Task<BrowserPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        if (Browser is null)
        {
            // xunit.v3 reports an exception with this message prefix as a dynamic skip (what Assert.Skip throws).
            throw new BrowserNotInstalledException(DynamicSkipToken.Value + NotInstalledSkip);
        }

        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page);
    }

    /// <summary>A phone's screen (375 × 667 CSS pixels, touch, mobile user agent off: the page must not sniff).</summary>
    public static BrowserNewContextOptions Phone() => new()
    {
        ViewportSize = new ViewportSize { Width = 375, Height = 667 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    };

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
            Browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
    }
}

/// <summary>Carries xunit's dynamic-skip message (this project has no Assert to call Assert.Skip).</summary>
public sealed class BrowserNotInstalledException(string message) : Exception(message);
