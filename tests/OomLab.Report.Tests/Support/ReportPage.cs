using Microsoft.Playwright;

namespace OomLab.Report.Tests.Support;

/// <summary>A report open in the browser, with what the page said and did while loading.</summary>
public sealed class ReportPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public List<string> ConsoleErrors { get; } = [];

    public List<string> Dialogs { get; } = [];

    public List<string> NetworkRequests { get; } = [];

    public Task<int> CountAsync(string selector) => Page.Locator(selector).CountAsync();

    public async Task<List<string>> AttributesAsync(string selector, string attribute)
    {
        var values = new List<string>();
        foreach (var element in await Page.Locator(selector).AllAsync())
        {
            values.Add(await element.GetAttributeAsync(attribute) ?? string.Empty);
        }

        return values;
    }

    public Task<string> TextAsync(string selector = "body") => Page.Locator(selector).First.InnerTextAsync();

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
