using OomLab.Report.Tests.Support;
using OomLab.Telemetry;

namespace OomLab.Cli.Tests.Commands;

/// <summary>docs/IMPORT.md's column mapping is the one the code uses (TelemetryAliases), pair by pair, column by column.</summary>
public sealed class ImportDocsTests
{
    [Fact]
    public void Every_classic_and_workspace_column_pair_is_in_the_documented_mapping()
    {
        var lines = File.ReadAllLines(Repository.Combine("docs", "IMPORT.md"));

        foreach (var pair in TelemetryAliases.Pairs)
        {
            var row = lines.SingleOrDefault(l => l.StartsWith($"| `{pair.Classic}` | `{pair.Workspace}` |", StringComparison.Ordinal));
            row.ShouldNotBeNull($"docs/IMPORT.md has no row for {pair.Classic} / {pair.Workspace}");
            foreach (var (workspace, classic) in pair.Columns)
            {
                var documented = row.Contains($"`{workspace}` = `{classic}`", StringComparison.Ordinal)
                    || lines.Contains($"| `{workspace}` | `{classic}` |");
                documented.ShouldBeTrue($"{pair.Workspace}.{workspace} = {pair.Classic}.{classic} is not in docs/IMPORT.md");
            }
        }
    }
}
