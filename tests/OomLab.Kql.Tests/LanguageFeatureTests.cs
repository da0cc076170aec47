using static OomLab.Kql.Tests.Support.QueryRunner;

namespace OomLab.Kql.Tests;

/// <summary>User-defined functions, parse, evaluate bag_unpack, getschema and mv-expand's options, beyond the docs' examples.</summary>
public sealed class LanguageFeatureTests
{
    [Theory]
    [InlineData("let twice = (x:long) { x * 2 }; range x from 1 to 3 step 1 | extend y = twice(x) | project y", "2;4;6")]
    [InlineData("let add = (a:long, b:long = 10) { a + b }; print r = add(1), s = add(1, 2)", "11 | 3")]
    [InlineData("let big = (T:(x:long), n:long) { T | where x > n }; big(range x from 1 to 5 step 1, 3)", "4;5")]
    [InlineData("let f = (s:string) { let t = strcat(s, '!'); toupper(t) }; print r = f('a')", "A!")]
    [InlineData("let inner = (x:long) { x + 1 }; let outer = (x:long) { inner(x) * 10 }; print r = outer(1)", "20")]
    [InlineData("let x = 5; let f = (x:long) { x }; print r = f(1), s = x", "1 | 5")]
    [InlineData("let v = view () { print a = 'v' }; v()", "v")]
    [InlineData("let f = (d:dynamic) { d.x }; print r = f(dynamic({'x': 7}))", "7")]
    public void User_defined_functions_bind_their_arguments_where_they_are_called(string query, string expected) =>
        string.Join(";", Rows(Table(query))).ShouldBe(expected);

    [Theory]
    [InlineData("parse s with 'id=' id:long ', name=' name", "7 | ab")]
    [InlineData("parse s with * 'name=' name", "ab")]
    [InlineData("parse kind=regex s with @'id=(\\d)' ', name=' name", "ab")]
    [InlineData("parse s with 'nope=' id:long", "")]
    [InlineData("parse kind=relaxed s with 'id=' id:long ',' *", "7")]
    public void Parse_extracts_columns_from_text(string op, string expected) =>
        string.Join(";", Rows(Table($"print s = 'id=7, name=ab' | {op} | project-away s"))).ShouldBe(expected);

    [Fact]
    public void Parse_where_drops_rows_that_do_not_match() =>
        Rows(Table("datatable(s:string)['a=1', 'b', 'a=2'] | parse-where s with 'a=' n:long | project n")).ShouldBe(["1", "2"]);

    [Fact]
    public void Bag_unpack_makes_a_column_per_key_sorted_by_name()
    {
        var table = Table("datatable(id:long, d:dynamic)[1, dynamic({'b': 2, 'a': 'x'}), 2, dynamic({'c': true})] | evaluate bag_unpack(d, 'p_')");
        Columns(table).ShouldBe("id:long, p_a:dynamic, p_b:dynamic, p_c:dynamic");
        Rows(table).ShouldBe(["1 | x | 2 | ", "2 |  |  | true"]);
    }

    [Fact]
    public void Getschema_lists_the_columns_with_their_types() =>
        Rows(Table("datatable(a:long, b:string, c:datetime)[] | getschema"))
            .ShouldBe(["a | 0 | System.Int64 | long", "b | 1 | System.String | string", "c | 2 | System.DateTime | datetime"]);

    [Fact]
    public void Mv_expand_numbers_the_elements_and_expands_bags_into_pairs()
    {
        Rows(Table("print a = dynamic(['x', 'y']) | mv-expand with_itemindex=i a")).ShouldBe(["x | 0", "y | 1"]);
        Rows(Table("print b = dynamic({'k': 1}) | mv-expand bagexpansion=array b")).ShouldBe(["[\"k\",1]"]);
    }

    [Fact]
    public void Mv_apply_runs_the_subquery_over_each_rows_elements_and_keeps_the_rows_other_columns()
    {
        var table = Table("datatable(k:string, a:dynamic)['p', dynamic([3, 1, 2]), 'q', dynamic([5])] | mv-apply x = a to typeof(long) on (top 2 by x | summarize s = sum(x))");
        Columns(table).ShouldBe("k:string, a:dynamic, s:long");
        Rows(table).ShouldBe(["p | [3,1,2] | 5", "q | [5] | 5"]);
    }

    [Fact]
    public void Pack_all_makes_a_bag_of_the_rows_columns() =>
        Rows(Table("datatable(a:long, b:string)[1, '', 2, 'x'] | project p = pack_all(), q = pack_all(true)"))
            .ShouldBe(["{\"a\":1,\"b\":\"\"} | {\"a\":1}", "{\"a\":2,\"b\":\"x\"} | {\"a\":2,\"b\":\"x\"}"]);

    [Fact]
    public void Make_series_gives_one_array_per_aggregate_and_group_with_defaults_for_empty_bins()
    {
        const string query = """
            datatable(t:datetime, k:string, v:long)[
                datetime(2026-04-05 01:00:00), 'a', 1, datetime(2026-04-05 01:04:59.9999999), 'a', 2,
                datetime(2026-04-05 01:10:00), 'a', 5, datetime(2026-04-05 01:00:00), 'b', 7, datetime(2026-04-05 01:15:00), 'b', 9]
            | make-series n = count(), total = sum(v) default = -1 on t from datetime(2026-04-05 01:00:00) to datetime(2026-04-05 01:15:00) step 5m by k
            | order by k asc
            """;
        var table = Table(query);
        Columns(table).ShouldBe("k:string, n:dynamic, total:dynamic, t:dynamic");
        Rows(table).ShouldBe([
            "a | [2,0,1] | [3,-1,5] | [\"2026-04-05T01:00:00.0000000Z\",\"2026-04-05T01:05:00.0000000Z\",\"2026-04-05T01:10:00.0000000Z\"]",
            "b | [1,0,0] | [7,-1,-1] | [\"2026-04-05T01:00:00.0000000Z\",\"2026-04-05T01:05:00.0000000Z\",\"2026-04-05T01:10:00.0000000Z\"]",
        ]);
    }
}
