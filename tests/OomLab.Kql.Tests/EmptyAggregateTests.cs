using static OomLab.Kql.Tests.Support.QueryRunner;

namespace OomLab.Kql.Tests;

/// <summary>Aggregates with a constant argument over no rows: one row, a null (or empty) result, no crash.</summary>
public sealed class EmptyAggregateTests
{
    [Theory]
    [InlineData("percentile(x, 50)", "")]
    [InlineData("percentiles(x, 50, 95)", " | ")]
    [InlineData("make_list(x, 5)", "[]")]
    [InlineData("max(x)", "")]
    [InlineData("count()", "0")]
    public void Aggregate_over_an_empty_input_gives_one_row_without_a_value(string aggregate, string expected)
    {
        var rows = Rows(Table($"range x from 1 to 3 step 1 | where x > 5 | summarize {aggregate}"));

        rows.ShouldBe([expected]);
    }

    [Fact]
    public void Toscalar_of_an_empty_percentile_is_null()
    {
        Rows(Table("print v = isnull(toscalar(range x from 1 to 3 step 1 | where x > 5 | summarize percentile(x, 5)))")).ShouldBe(["true"]);
    }
}
