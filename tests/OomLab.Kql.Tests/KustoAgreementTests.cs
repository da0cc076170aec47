using static OomLab.Kql.Tests.Support.QueryRunner;

namespace OomLab.Kql.Tests;

/// <summary>
/// Cases where the engine once disagreed with real Kusto. Each expected result is the one the official
/// documentation states (MicrosoftDocs/dataexplorer-docs, data-explorer/kusto/query/, page named beside the case).
/// </summary>
public sealed class KustoAgreementTests
{
    private static string Print(string expression) => Rows(Table($"print r = {expression}")).Single();

    // summarize-operator.md, "Default values of aggregations": over no rows, count/countif/dcount/sum/sumif/stdev/variance
    // give 0, make_list/make_set give [], all others null; avg is NaN ("due to dividing by 0").
    [Theory]
    [InlineData("count()", "0")]
    [InlineData("count(x)", "0")]
    [InlineData("countif(x > 0)", "0")]
    [InlineData("dcount(x)", "0")]
    [InlineData("dcountif(x, x > 0)", "0")]
    [InlineData("sum(x)", "0")]
    [InlineData("sumif(x, x > 0)", "0")]
    [InlineData("stdev(x)", "0")]
    [InlineData("variance(x)", "0")]
    [InlineData("make_list(x)", "[]")]
    [InlineData("make_set(x)", "[]")]
    [InlineData("make_list_if(x, x > 0)", "[]")]
    [InlineData("avg(x)", "nan")]
    [InlineData("min(x)", "")]
    [InlineData("max(x)", "")]
    [InlineData("take_any(x)", "")]
    [InlineData("percentile(x, 55)", "")]
    public void Summarize_without_keys_over_no_rows_gives_the_documented_defaults(string aggregate, string expected) =>
        Rows(Table($"datatable(x:long)[] | summarize {aggregate}")).ShouldBe([expected]);

    // summarize-operator.md: "When the input table is empty ... If GroupExpression is provided, the output has no rows."
    [Fact]
    public void Summarize_with_keys_over_no_rows_gives_no_rows() =>
        Table("datatable(g:string, x:long)[] | summarize count(), sum(x) by g").RowCount.ShouldBe(0);

    // null-values.md, "Null values and aggregation functions": nulls "are ignored and don't factor into the calculation",
    // so a group whose values are all null aggregates as no values do (summarize-operator.md's default values).
    [Theory]
    [InlineData("count()", "2")]
    [InlineData("sum(x)", "0")]
    [InlineData("sumif(x, true)", "0")]
    [InlineData("dcount(x)", "0")]
    [InlineData("make_list(x)", "[]")]
    [InlineData("make_set(x)", "[]")]
    [InlineData("avg(x)", "nan")]
    [InlineData("min(x)", "")]
    [InlineData("max(x)", "")]
    [InlineData("percentile(x, 50)", "")]
    public void A_group_of_only_nulls_aggregates_as_no_values(string aggregate, string expected) =>
        Rows(Table($"datatable(g:string, x:long)[\"a\", 1, \"b\", long(null), \"b\", long(null)] | summarize v = {aggregate} by g | where g == \"b\" | project v"))
            .ShouldBe([expected]);

    // summarize-operator.md: "The avg aggregate sums only the non-null values and counts only those values" (sum_y 15, avg_y 5);
    // "The standard count function includes null values in its count" (count_y 2).
    [Fact]
    public void Sum_and_avg_skip_nulls_and_count_of_a_column_counts_rows()
    {
        Rows(Table("range x from 1 to 4 step 1 | extend y = iff(x == 1, real(null), real(5)) | summarize sum(y), avg(y)")).ShouldBe(["15 | 5"]);
        Table("range x from 1 to 2 step 1 | extend y = iff(x == 1, real(null), real(5)) | summarize count(y)").Columns[0].Name.ShouldBe("count_y");
        Rows(Table("range x from 1 to 2 step 1 | extend y = iff(x == 1, real(null), real(5)) | summarize count(y)")).ShouldBe(["2"]);
    }

    // join-leftouter.md: unmatched left rows get nulls in the right columns; sum-aggregation-function.md and
    // avg-aggregation-function.md: nulls are ignored ("Records with null values are ignored and not included").
    [Fact]
    public void Sum_and_avg_after_a_leftouter_join_ignore_the_unmatched_nulls()
    {
        const string query = """
            datatable(k:string, a:long)["x", 1, "y", 2, "z", 3]
            | join kind=leftouter (datatable(k:string, b:long)["x", 10, "x", 30, "y", long(null)]) on k
            | summarize rows = count(), total = sum(b), mean = avg(b), matched = count(b) by k
            | order by k asc
            """;
        Rows(Table(query)).ShouldBe(["x | 2 | 40 | 20 | 2", "y | 1 | 0 | nan | 1", "z | 1 | 0 | nan | 1"]);
        Rows(Table("datatable(k:string)[\"z\"] | join kind=leftouter (datatable(k:string, b:real)[\"x\", 1.5]) on k | summarize sum(b), avg(b)"))
            .ShouldBe(["0 | nan"]);
    }

    // null-values.md, "Null values and the in operator": in is a logical OR of == comparisons, !in a logical AND of !=
    // comparisons; == of a null and a non-null value is false, != true.
    [Theory]
    [InlineData("long(null) in (1, 2)", "false")]
    [InlineData("long(null) !in (1, 2)", "true")]
    [InlineData("real(null) !in (1.5)", "true")]
    [InlineData("datetime(null) !in (datetime(2026-04-05))", "true")]
    [InlineData("bool(null) in (true)", "false")]
    public void In_and_not_in_of_a_null_are_or_and_and_of_comparisons(string expression, string expected) => Print(expression).ShouldBe(expected);

    [Fact]
    public void Where_not_in_keeps_rows_whose_value_is_null() =>
        Rows(Table("datatable(x:long)[1, long(null), 3] | where x !in (1) | extend n = isnull(x) | project n")).ShouldBe(["true", "false"]);

    // numerical-operators.md, "Comment about the modulo operator": 0 <= N % D < abs(D).
    [Theory]
    [InlineData("14 % 12", "2")]
    [InlineData("-14 % 12", "10")]
    [InlineData("14 % -12", "2")]
    [InlineData("-14 % -12", "10")]
    [InlineData("-7.5 % 2", "0.5")]
    [InlineData("-90s % 1m", "00:00:30")]
    public void Modulo_is_never_negative(string expression, string expected) => Print(expression).ShouldBe(expected);

    // tostring-function.md: the string representation of the value, "" for null; bool.md: true/false;
    // datetime and timespan render in their round-trip forms (7 fractional digits when a fraction is present for timespan).
    [Theory]
    [InlineData("tostring(true)", "true")]
    [InlineData("tostring(false)", "false")]
    [InlineData("tostring(bool(null))", "")]
    [InlineData("tostring(datetime(2026-04-05 01:30:00Z))", "2026-04-05T01:30:00.0000000Z")]
    [InlineData("tostring(datetime(2015-12-31 23:59:59.9))", "2015-12-31T23:59:59.9000000Z")]
    [InlineData("tostring(1d)", "1.00:00:00")]
    [InlineData("tostring(90m)", "01:30:00")]
    [InlineData("tostring(1500ms)", "00:00:01.5000000")]
    [InlineData("tostring(-1h)", "-01:00:00")]
    [InlineData("strcat(\"at \", datetime(2026-04-05))", "at 2026-04-05T00:00:00.0000000Z")]
    public void Tostring_renders_bools_datetimes_and_timespans_as_kusto_does(string expression, string expected) => Print(expression).ShouldBe(expected);

    // tobool-function.md: tobool("true") == true, tobool("false") == false, tobool(1) == true, tobool(123) == true;
    // "If conversion isn't successful, result will be null."
    [Theory]
    [InlineData("tobool(\"true\")", "true")]
    [InlineData("tobool(\"false\")", "false")]
    [InlineData("tobool(\"TRUE\")", "true")]
    [InlineData("tobool(\" False \")", "false")]
    [InlineData("tobool(1)", "true")]
    [InlineData("tobool(123)", "true")]
    [InlineData("tobool(0)", "false")]
    [InlineData("isnull(tobool(\"yes\"))", "true")]
    [InlineData("isnull(tobool(\"\"))", "true")]
    public void Tobool_of_strings(string expression, string expected) => Print(expression).ShouldBe(expected);

    // scalar-data-types/datetime.md, "Supported formats" (ISO 8601, RFC 822, RFC 850, sortable); todatetime-function.md:
    // todatetime('12-02-2022') == datetime('12-02-2022'); "Else, the result is null".
    [Theory]
    [InlineData("todatetime(\"2014-05-25T08:20:03.123456Z\")", "2014-05-25T08:20:03.123456Z")]
    [InlineData("todatetime(\"2014-05-25T08:20\")", "2014-05-25T08:20:00Z")]
    [InlineData("todatetime(\"2014-11-08\")", "2014-11-08T00:00:00Z")]
    [InlineData("todatetime(\"Sat, 8 Nov 14 15:05:02 GMT\")", "2014-11-08T15:05:02Z")]
    [InlineData("todatetime(\"Sat, 8 Nov 14 15:05\")", "2014-11-08T15:05:00Z")]
    [InlineData("todatetime(\"8 Nov 14 15:05:02 GMT\")", "2014-11-08T15:05:02Z")]
    [InlineData("todatetime(\"Saturday, 08-Nov-14 15:05:02 GMT\")", "2014-11-08T15:05:02Z")]
    [InlineData("todatetime(\"08-Nov-14 15:05\")", "2014-11-08T15:05:00Z")]
    [InlineData("todatetime(\"2014-11-8 15:05:25\")", "2014-11-08T15:05:25Z")]
    [InlineData("todatetime(\"2014-11-8T15:05 GMT\")", "2014-11-08T15:05:00Z")]
    [InlineData("todatetime('12-02-2022') == datetime('12-02-2022')", "true")]
    [InlineData("todatetime(\"2015-12-31 23:59:59.9\")", "2015-12-31T23:59:59.9Z")]
    [InlineData("isnull(todatetime(\"not a date\"))", "true")]
    public void Todatetime_reads_the_documented_formats(string expression, string expected) => Print(expression).ShouldBe(expected);

    // make-list-if-aggregation-function.md (list_name), make-set-if-aggregation-function.md (set_name),
    // summarize-operator.md (set_x, list_x, set_y1, count_x); take-any-aggregation-function.md (take_any(State) is State); percentiles-aggregation-function.md (percentile_DamageProperty_5 ...).
    [Theory]
    [InlineData("summarize make_list(x), make_set(x)", "list_x:dynamic, set_x:dynamic")]
    [InlineData("summarize make_list_if(x, x > 1), make_set_if(x, x > 1)", "list_x:dynamic, set_x:dynamic")]
    [InlineData("summarize make_set(x), make_set(x)", "set_x:dynamic, set_x1:dynamic")]
    [InlineData("summarize percentiles(x, 5, 50, 95)", "percentile_x_5:long, percentile_x_50:long, percentile_x_95:long")]
    [InlineData("summarize (p50, p95) = percentiles(x, 50, 95)", "p50:long, p95:long")]
    [InlineData("summarize (latest, at) = arg_max(t, x)", "latest:datetime, at:long")]
    [InlineData("summarize take_any(x), count(x)", "x:long, count_x:long")]
    public void Aggregate_output_names(string op, string expected) =>
        Columns(Table($"datatable(x:long, t:datetime)[1, datetime(2026-04-05 01:30:00Z), 2, datetime(2026-04-05 01:33:00Z)] | {op}")).ShouldBe(expected);

    [Fact]
    public void Named_percentiles_hold_the_values_in_order() =>
        Rows(Table("range x from 1 to 10 step 1 | summarize (p50, p90) = percentiles(x, 50, 90)")).ShouldBe(["5 | 9"]);

    // substring-function.md: substring("123456", 1) 23456; (2, 2) 34; ("ABCD", 0, 2) AB; ("123456", -2, 2) 56.
    [Theory]
    [InlineData("substring(\"123456\", 1)", "23456")]
    [InlineData("substring(\"123456\", 2, 2)", "34")]
    [InlineData("substring(\"ABCD\", 0, 2)", "AB")]
    [InlineData("substring(\"123456\", -2, 2)", "56")]
    [InlineData("substring(\"123456\", -3)", "456")]
    [InlineData("substring(\"123456\", 4, 10)", "56")]
    [InlineData("substring(\"123456\", 9)", "")]
    public void Substring_counts_a_negative_start_from_the_end(string expression, string expected) => Print(expression).ShouldBe(expected);

    // trim-function.md: trim("--", "--https://bing.com--") is https://bing.com; trim(@"[^\w]+", "-  Te st1// $") is "Te st1";
    // trim(@"\s+", "    Hello, world!    ") is "Hello, world!". trim-start-function.md / trim-end-function.md trim one end.
    [Theory]
    [InlineData("trim(\"--\", \"--https://bing.com--\")", "https://bing.com")]
    [InlineData("trim(@\"[^\\w]+\", strcat(\"-  \", \"Te st\", 1, @\"// $\"))", "Te st1")]
    [InlineData("trim(@\"\\s+\", \"    Hello, world!    \")", "Hello, world!")]
    [InlineData("trim(\"a|b\", \"abxab\")", "x")]
    [InlineData("trim_start(@\"[^\\w]+\", \"--x--\")", "x--")]
    [InlineData("trim_end(@\"[^\\w]+\", \"--x--\")", "--x")]
    public void Trim_removes_leading_and_trailing_regex_matches(string expression, string expected) => Print(expression).ShouldBe(expected);

    // indexof-function.md, the example's idx1..idx9: 2, 2, -1, -1, 2, 4, 2, 9, -1; null when occurrence < 0 or length < -1.
    [Theory]
    [InlineData("indexof(\"abcdefg\", \"cde\")", "2")]
    [InlineData("indexof(\"abcdefg\", \"cde\", 1, 4)", "2")]
    [InlineData("indexof(\"abcdefg\", \"cde\", 1, 2)", "-1")]
    [InlineData("indexof(\"abcdefg\", \"cde\", 3, 4)", "-1")]
    [InlineData("indexof(\"abcdefg\", \"cde\", -5)", "2")]
    [InlineData("indexof(1234567, 5, 1, 4)", "4")]
    [InlineData("indexof(\"abcdefg\", \"cde\", 2, -1)", "2")]
    [InlineData("indexof(\"abcdefgabcdefg\", \"cde\", 1, 10, 2)", "9")]
    [InlineData("indexof(\"abcdefgabcdefg\", \"cde\", 1, -1, 3)", "-1")]
    [InlineData("isnull(indexof(\"abc\", \"b\", 0, -2))", "true")]
    [InlineData("isnull(indexof(\"abc\", \"b\", 0, -1, -1))", "true")]
    public void Indexof_takes_start_length_and_occurrence(string expression, string expected) => Print(expression).ShouldBe(expected);
}
