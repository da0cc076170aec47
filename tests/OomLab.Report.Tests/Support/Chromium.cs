using System.Diagnostics;
using Microsoft.Playwright;

namespace OomLab.Report.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven by Playwright (Playwright's own browser download is not used). When the
/// browser is missing, <c>scripts/install-test-deps.sh</c> installs it first, so a fresh machine needs nothing else.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            await InstallAsync();
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>Opens <paramref name="htmlPath"/> in a fresh page that records console errors, page errors, dialogs and requests.</summary>
    public async Task<ReportPage> OpenAsync(string htmlPath, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 1600 },
            ColorScheme = colorScheme,
        });
        var page = await context.NewPageAsync();
        var report = new ReportPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                report.ConsoleErrors.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => report.ConsoleErrors.Add($"page error: {error}");
        page.Dialog += async (_, dialog) =>
        {
            report.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file://", StringComparison.Ordinal))
            {
                report.NetworkRequests.Add(request.Url);
            }
        };
        await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return report;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    private static async Task InstallAsync()
    {
        using var install = Process.Start(new ProcessStartInfo("bash", [Repository.Combine("scripts", "install-test-deps.sh")]) { RedirectStandardError = true })!;
        var stderr = await install.StandardError.ReadToEndAsync();
        await install.WaitForExitAsync();
        if (install.ExitCode != 0 || !File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"could not install chromium (exit {install.ExitCode}): {stderr}");
        }
    }
}
