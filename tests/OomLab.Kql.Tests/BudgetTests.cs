using static OomLab.Kql.Tests.Support.QueryRunner;

namespace OomLab.Kql.Tests;

/// <summary>Queries that would explode stop with a budget diagnostic before materialising their output.</summary>
public sealed class BudgetTests
{
    [Fact]
    public void Cross_join_over_the_row_budget_is_stopped()
    {
        const string query = "range x from 1 to 20000 step 1 | extend k = 1 | join kind=inner (range y from 1 to 20000 step 1 | extend k = 1) on k";
        var result = Run(query, options: new KqlOptions(maxRows: 1_000_000));
        var diagnostic = result.Diagnostics.Single();
        diagnostic.Code.ShouldBe(Messages.RowBudgetCode);
        diagnostic.Column.ShouldBe(49);
        diagnostic.Message.ShouldStartWith("join would produce ");
        diagnostic.Message.ShouldEndWith("over the row budget of 1,000,000 (KqlOptions.MaxRows)");
    }

    [Fact]
    public void Join_over_the_memory_budget_is_stopped()
    {
        const string query = "range x from 1 to 300000 step 1 | extend k = x % 2 | join kind=inner (range y from 1 to 10 step 1 | extend k = y % 2) on k";
        var result = Run(query, options: new KqlOptions(maxMemoryBytes: 16L << 20));
        result.Diagnostics.Single().Code.ShouldBe(Messages.MemoryBudgetCode);
    }

    [Fact]
    public void A_huge_range_is_stopped_before_allocating()
    {
        Run("range x from 1 to 100000000000 step 1").Diagnostics.Single().Code.ShouldBe(Messages.RowBudgetCode);
    }

    [Fact]
    public void Mv_expand_over_the_budget_is_stopped()
    {
        var result = Run("range x from 1 to 1000 step 1 | extend a = dynamic([1,2,3,4,5,6,7,8,9,10]) | mv-expand a", options: new KqlOptions(maxRows: 5000));
        result.Diagnostics.Single().Code.ShouldBe(Messages.RowBudgetCode);
    }

    [Fact]
    public void Within_budget_the_same_join_runs()
    {
        var table = Table("range x from 1 to 100 step 1 | extend k = 1 | join kind=inner (range y from 1 to 100 step 1 | extend k = 1) on k | count");
        Rows(table).ShouldBe(["10000"]);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Options_reject_non_positive_budgets(long rows, long bytes) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new KqlOptions(rows, bytes));
}
