using System.Text.Json;
using System.Text.Json.Nodes;

namespace OomLab.Kql.Tests.Support;

/// <summary>
/// Reads the conformance cases in Conformance/*.json: one file per doc page,
/// <c>{"page": "abs-function.md", "cases": [{"line", "query", "columns", "rows", "skip"?}]}</c>, rows as the page shows them.
/// </summary>
internal static class ConformanceSuite
{
    private static readonly Lazy<IReadOnlyList<ConformanceCase>> Loaded = new(Load);

    public static IReadOnlyList<ConformanceCase> All => Loaded.Value;

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Conformance");

    private static List<ConformanceCase> Load()
    {
        var cases = new List<ConformanceCase>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            var root = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
            var page = (string)root["page"]!;
            foreach (var item in root["cases"]!.AsArray())
            {
                cases.Add(new ConformanceCase(
                    page,
                    (int)item!["line"]!,
                    (string)item["query"]!,
                    item["columns"]!.AsArray().Select(c => (string)c!).ToList(),
                    item["rows"]!.AsArray().Select(r => (IReadOnlyList<string>)r!.AsArray().Select(c => (string)c!).ToList()).ToList(),
                    (string?)item["skip"]));
            }
        }

        return cases;
    }
}
