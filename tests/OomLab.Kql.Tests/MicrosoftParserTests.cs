using Xunit.Abstractions;
using OomLab.Kql.Tests.Support;

namespace OomLab.Kql.Tests;

/// <summary>
/// Every conformance query that runs and every seed query, checked by Microsoft's own parser and analyzer
/// (tools/kql-check) over the telemetry tables: a query this engine is tested with must be one real Kusto accepts.
/// </summary>
public sealed class MicrosoftParserTests(ITestOutputHelper output)
{
    /// <summary>Examples whose page shows an output that Microsoft's analyzer rejects the query for: the page is followed.</summary>
    private static readonly Dictionary<string, string> PageOverAnalyzer = new(StringComparer.Ordinal)
    {
        ["summarize-operator.md:200"] = "count(x): the analyzer wants a bool argument, the page shows count_x = 0",
        ["summarize-operator.md:247"] = "count(y): the analyzer wants a bool argument, the page shows count_y = 2 (nulls counted)",
        ["make-timespan-function.md:44"] = "make_timespan(1, 12, 30, 55.123): the analyzer wants integer seconds, the page shows 1.12:30:55.1230000",
        ["bag-unpack-plugin.md:176"] = "ignoredProperties=dynamic([...]): the analyzer wants a string, the page shows the properties ignored",
    };

    [Fact]
    public void Every_conformance_query_that_runs_and_every_seed_query_is_valid_kql_for_microsofts_parser()
    {
        // One node process for all: Microsoft's parser takes seconds to warm up, then about 30 ms a query.
        var cases = ConformanceSuite.All.Where(c => c.Skip is null).ToList();
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Seeds"), "*.kql").Order(StringComparer.Ordinal)
            .Select(f => (Id: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
        seeds.Count.ShouldBeGreaterThan(20);

        var results = MicrosoftKqlParser.Check(cases.Select(c => (c.Id, c.Query)).Concat(seeds), MicrosoftKqlParser.Schemas(TelemetrySchemas.All));

        Report(results);
        var rejected = cases.Where(c => results[c.Id].Any(d => d.IsError)).Select(c => c.Id).ToList();
        rejected.ShouldBe(PageOverAnalyzer.Keys.ToList(), ignoreOrder: true,
            string.Join("\n", rejected.SelectMany(id => results[id].Where(d => d.IsError).Select(d => $"{id}: {d.Code} {d.Message}"))));
        seeds.SelectMany(s => results[s.Id].Where(d => d.IsError && !MicrosoftKqlParser.IsEarlierSummarizeOutput(s.Text, d)).Select(d => $"{s.Id}: {d.Code} {d.Message}"))
            .ShouldBeEmpty();
    }

    private void Report(IReadOnlyDictionary<string, IReadOnlyList<ParserDiagnostic>> results)
    {
        foreach (var (id, diagnostics) in results.Where(r => r.Value.Count > 0))
        {
            foreach (var d in diagnostics)
            {
                output.WriteLine($"{id}: {d.Severity} {d.Code} at {d.Start}: {d.Message}");
            }
        }
    }
}
