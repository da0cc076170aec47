using Microsoft.Extensions.Time.Testing;
using OomLab.Kql.Tests.Support;

namespace OomLab.Kql.Tests;

/// <summary>
/// The official docs' examples (MicrosoftDocs/dataexplorer-docs, data-explorer/kusto/query/) that show an input built in
/// the query (<c>datatable</c>, <c>range</c>, <c>print</c>, <c>let</c>) and the output table: the engine must give that
/// table. Cases live in Conformance/*.json, one file per page; the expected tables are the pages' own.
/// </summary>
public sealed class ConformanceTests
{
    private static readonly KqlOptions Options = new(timeProvider: new FakeTimeProvider(new DateTimeOffset(2026, 4, 5, 4, 30, 0, TimeSpan.Zero)));

    public static TheoryData<string> Cases() => new(ConformanceSuite.All.Where(c => c.Skip is null).Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Doc_example_gives_the_pages_output(string id)
    {
        var example = ConformanceSuite.All.Single(c => c.Id == id);

        var result = KqlEngine.Execute(example.Query, new InMemoryTableSource(), Options);

        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics.Select(d => d.Format(example.Query, example.Page))));
        DocTableComparer.Difference(example.Query, result.Table, example.Columns, example.Rows).ShouldBeNull(example.Query);
    }

    [Fact]
    public void The_suite_covers_at_least_300_examples_of_many_pages()
    {
        var run = ConformanceSuite.All.Where(c => c.Skip is null).ToList();

        run.Count.ShouldBeGreaterThanOrEqualTo(300);
        run.Select(c => c.Page).Distinct().Count().ShouldBeGreaterThanOrEqualTo(100);
        ConformanceSuite.All.Select(c => c.Id).ShouldBeUnique();
    }

    [Fact]
    public void Every_skipped_example_says_why()
    {
        foreach (var example in ConformanceSuite.All.Where(c => c.Skip is not null))
        {
            example.Skip!.ShouldMatch("^(unsupported|doc): .+", example.Id);
        }
    }
}
