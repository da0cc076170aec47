using OomLab.Kql.Tests.Support;
using OomLab.Lab.Evidence;
using OomLab.Playbook;
using OomLab.Telemetry;

namespace OomLab.Tests.Kql;

/// <summary>
/// The queries oomlab ships (the lab's seed queries, SeedQueries.cs, and the built-in playbook's signal and hypothesis
/// queries with its prelude, playbook.yaml) checked by Microsoft's own parser and analyzer (tools/kql-check) over the
/// telemetry tables: what oomlab tells users to run must run in Azure too.
/// </summary>
public sealed class ShippedQueriesTests
{
    [Fact]
    public void Shipped_queries_are_valid_kql_for_microsofts_parser()
    {
        var playbook = PlaybookLoader.BuiltIn();
        var preamble = RuleNames.InputPlaceholders().Preamble(playbook.Prelude);
        var queries = OomLab.Lab.LabRuntime.All.SelectMany(r => SeedQueries.All(new DateTimeOffset(2026, 4, 5, 1, 30, 0, TimeSpan.Zero), "func-blob-processor", r)
                .Select(q => (Id: $"seed {r.Name} {q.Id}", q.Text)))
            .Concat(playbook.Signals.Select(s => (Id: "signal " + s.Name, Text: preamble + s.Query.Value)))
            .Concat(playbook.Hypotheses.Select(h => (Id: "hypothesis " + h.Id, Text: preamble + h.Query.Value)))
            .ToList();
        queries.Count.ShouldBeGreaterThan(20);
        var tables = TelemetrySchema.Tables.ToDictionary(t => t.Name, t => "(" + string.Join(", ", t.Columns.Select(c => $"{c.Name}:{c.Type.ToString().ToLowerInvariant()}")) + ")");

        var results = MicrosoftKqlParser.Check(queries, tables);

        var texts = queries.ToDictionary(q => q.Id, q => q.Text);
        results.SelectMany(r => r.Value.Where(d => d.IsError && !MicrosoftKqlParser.IsEarlierSummarizeOutput(texts[r.Key], d))
            .Select(d => $"{r.Key}: {d.Code} at {d.Start} '{texts[r.Key].Substring(d.Start, Math.Min(d.Length, 40))}': {d.Message}")).ShouldBeEmpty();
    }
}
