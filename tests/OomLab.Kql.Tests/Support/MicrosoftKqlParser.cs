using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OomLab.Kql.Tests.Support;

/// <summary>
/// Microsoft's own KQL parser and analyzer (Kusto.Language, the npm package @kusto/language-service-next), run by node
/// from tools/kql-check (installed by scripts/install-test-deps.sh): one process checks a whole batch of queries.
/// </summary>
internal static class MicrosoftKqlParser
{
    /// <summary>Each query's diagnostics, by id. <paramref name="tables"/> maps a table name to its schema, <c>(a:long, b:string)</c>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ParserDiagnostic>> Check(IEnumerable<(string Id, string Text)> queries, IReadOnlyDictionary<string, string> tables)
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "kql-check", "check.js");
        var input = Path.Combine(Path.GetTempPath(), $"kql-check-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        var json = new JsonObject
        {
            ["tables"] = new JsonObject(tables.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))),
            ["queries"] = new JsonArray(queries.Select(q => (JsonNode?)new JsonObject { ["id"] = q.Id, ["text"] = q.Text }).ToArray()),
        };
        File.WriteAllText(input, json.ToJsonString());
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", [script, input])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("node could not be started");
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, $"node {script} failed: {error.Result}");
            return JsonNode.Parse(output)!.AsArray().ToDictionary(
                r => (string)r!["id"]!,
                r => (IReadOnlyList<ParserDiagnostic>)r!["diagnostics"]!.Deserialize<List<ParserDiagnostic>>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>The table schemas in the form the parser reads: <c>(timestamp:datetime, name:string, ...)</c>.</summary>
    public static IReadOnlyDictionary<string, string> Schemas(IReadOnlyDictionary<string, string> columnLists) =>
        columnLists.ToDictionary(t => t.Key, t => "(" + t.Value + ")");

    /// <summary>
    /// Whether <paramref name="diagnostic"/> is Microsoft's analyzer reporting a name (KS142) that an earlier output of the
    /// same summarize defines (rate = 100.0 * failures / total): the seeds' queries do this, and this engine allows it on
    /// purpose (docs/KQL.md, deliberate differences).
    /// </summary>
    public static bool IsEarlierSummarizeOutput(string query, ParserDiagnostic diagnostic)
    {
        if (diagnostic.Code != "KS142")
        {
            return false;
        }

        var name = query.Substring(diagnostic.Start, diagnostic.Length);
        var summarize = query.LastIndexOf("summarize", diagnostic.Start, StringComparison.Ordinal);
        return summarize >= 0 && System.Text.RegularExpressions.Regex.IsMatch(query[summarize..diagnostic.Start], $@"\b{System.Text.RegularExpressions.Regex.Escape(name)}\s*=");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OomLab.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no OomLab.sln above {AppContext.BaseDirectory}");
    }
}
