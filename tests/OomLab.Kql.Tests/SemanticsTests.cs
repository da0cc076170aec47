using static OomLab.Kql.Tests.Support.QueryRunner;

namespace OomLab.Kql.Tests;

/// <summary>Table-driven checks of each rule in KQL-SEMANTICS.md, one scalar per row via <c>print</c>.</summary>
public sealed class SemanticsTests
{
    private static string Print(string expression) => Rows(Table($"print r = {expression}")).Single();

    [Theory]
    [InlineData("\"errors\" has \"error\"", "false")]
    [InlineData("\"a_b\" has \"a\"", "true")]
    [InlineData("\"Error: disk\" has \"error\"", "true")]
    [InlineData("\"Error\" has_cs \"error\"", "false")]
    [InlineData("\"ab-cd\" has \"cd\"", "true")]
    [InlineData("\"Worker process exited\" has \"process exit\"", "false")]
    [InlineData("\"Worker process exited\" has \"process exited\"", "true")]
    [InlineData("\"x\" !has \"y\"", "true")]
    [InlineData("\"RenderPdfActivity\" has_any (\"Pdf\", \"Render\")", "false")]
    [InlineData("\"Render_Pdf\" has_any (\"pdf\", \"zzz\")", "true")]
    [InlineData("\"a b c\" has_all (\"c\", \"a\")", "true")]
    [InlineData("\"a b c\" has_all (\"c\", \"d\")", "false")]
    [InlineData("\"abcd\" contains \"BC\"", "true")]
    [InlineData("\"abcd\" contains_cs \"BC\"", "false")]
    [InlineData("\"abcd\" !contains \"x\"", "true")]
    [InlineData("\"Hello\" startswith \"he\"", "true")]
    [InlineData("\"Hello\" endswith \"LO\"", "true")]
    [InlineData("\"Hello\" == \"hello\"", "false")]
    [InlineData("\"Hello\" =~ \"hello\"", "true")]
    [InlineData("\"Hello\" !~ \"HELLO\"", "false")]
    [InlineData("\"a\" in (\"A\", \"b\")", "false")]
    [InlineData("\"a\" in~ (\"A\", \"b\")", "true")]
    [InlineData("\"a\" !in (\"b\")", "true")]
    [InlineData("\"a\" !in~ (\"A\")", "false")]
    [InlineData("\"abc123\" matches regex \"[a-z]+[0-9]+\"", "true")]
    public void String_operators_match_terms_and_cases_as_kusto_does(string expression, string expected) => Print(expression).ShouldBe(expected);

    [Theory]
    [InlineData("long(null) == 1", "false")]
    [InlineData("long(null) != 1", "true")]
    [InlineData("long(null) + 1", "")]
    [InlineData("isnull(long(null) + 1)", "true")]
    [InlineData("isnull(long(null) > 1)", "true")]
    [InlineData("isempty(\"\")", "true")]
    [InlineData("isnotempty(\" \")", "true")]
    [InlineData("isnull(toreal(\"x\"))", "true")]
    [InlineData("tostring(dynamic(\"x\"))", "x")]
    [InlineData("isnull(dynamic({\"a\":1})[\"b\"])", "true")]
    [InlineData("tolong(dynamic({\"a\":\"12\"}).a)", "12")]
    [InlineData("coalesce(long(null), 7)", "7")]
    public void Null_rules(string expression, string expected) => Print(expression).ShouldBe(expected);

    [Theory]
    [InlineData("7 / 2", "3")]
    [InlineData("-7 / 2", "-3")]
    [InlineData("isnull(7 / 0)", "true")]
    [InlineData("7.0 / 0", "inf")]
    [InlineData("-7.0 / 0", "-inf")]
    [InlineData("7 % 3", "1")]
    [InlineData("7 / 2.0", "3.5")]
    [InlineData("round(2.345, 2)", "2.35")]
    [InlineData("round(2.5)", "3")]
    public void Integer_division_truncates_and_by_zero_is_null(string expression, string expected) => Print(expression).ShouldBe(expected);

    [Theory]
    [InlineData("1h / 1m", "60")]
    [InlineData("1500ms / 1ms", "1500")]
    [InlineData("10microsecond / 1tick", "100")]
    [InlineData("datetime(2026-04-05 02:00:00Z) - datetime(2026-04-05 01:30:00Z)", "00:30:00")]
    [InlineData("datetime(2026-04-05 01:30:00Z) + 90s", "2026-04-05T01:31:30Z")]
    [InlineData("2 * 5m", "00:10:00")]
    [InlineData("5m * 2", "00:10:00")]
    [InlineData("1d / 4", "06:00:00")]
    [InlineData("time(00:05:00) == 5m", "true")]
    [InlineData("timespan(1d)", "1.00:00:00")]
    [InlineData("1.5h", "01:30:00")]
    [InlineData("ago(1h)", "2026-04-05T03:30:00Z")]
    [InlineData("now()", "2026-04-05T04:30:00Z")]
    public void Timespan_and_datetime_arithmetic(string expression, string expected) => Print(expression).ShouldBe(expected);

    [Theory]
    [InlineData("bin(7, 5)", "5")]
    [InlineData("bin(-7, 5)", "-10")]
    [InlineData("bin(7.5, 2.0)", "6")]
    [InlineData("bin(datetime(2026-04-05 02:17:31Z), 5m)", "2026-04-05T02:15:00Z")]
    [InlineData("bin(datetime(2026-04-05 10:00:00Z), 7d)", "2026-03-30T00:00:00Z")]
    [InlineData("isnull(bin(7, 0))", "true")]
    [InlineData("isnull(bin(7, -1))", "true")]
    [InlineData("isnull(bin(long(null), 5))", "true")]
    [InlineData("5 between (1 .. 5)", "true")]
    [InlineData("1 between (1 .. 5)", "true")]
    [InlineData("6 between (1 .. 5)", "false")]
    [InlineData("datetime(2026-04-05 02:00:00Z) between (datetime(2026-04-05 01:00:00Z) .. 1h)", "true")]
    [InlineData("6 !between (1 .. 5)", "true")]
    public void Bin_rounds_down_and_between_is_inclusive(string expression, string expected) => Print(expression).ShouldBe(expected);

    [Theory]
    [InlineData("strlen(\"héllo\")", "5")]
    [InlineData("substring(\"abcdef\", 2, 3)", "cde")]
    [InlineData("tolower(\"AbC\")", "abc")]
    [InlineData("toupper(\"AbC\")", "ABC")]
    [InlineData("trim(\" \", \"  a  \")", "a")]
    [InlineData("split(\"a,b\", \",\")", "[\"a\",\"b\"]")]
    [InlineData("indexof(\"abcabc\", \"c\")", "2")]
    [InlineData("extract(\"code ([0-9]+)\", 1, \"exited with code 137\")", "137")]
    [InlineData("replace_string(\"a-b-c\", \"-\", \"+\")", "a+b+c")]
    [InlineData("strcat(\"a\", 1, true)", "a1true")]
    [InlineData("iff(1 > 2, \"y\", \"n\")", "n")]
    [InlineData("case(1 > 2, \"a\", 2 > 1, \"b\", \"c\")", "b")]
    [InlineData("datetime_part(\"hour\", datetime(2026-04-05 02:17:31Z))", "2")]
    [InlineData("startofday(datetime(2026-04-05 02:17:31Z))", "2026-04-05T00:00:00Z")]
    [InlineData("startofhour(datetime(2026-04-05 02:17:31Z))", "2026-04-05T02:00:00Z")]
    [InlineData("format_datetime(datetime(2026-04-05 02:17:31Z), \"yyyy-MM-dd HH:mm\")", "2026-04-05 02:17")]
    [InlineData("abs(-3)", "3")]
    [InlineData("floor(2.7)", "2")]
    [InlineData("ceiling(2.1)", "3")]
    [InlineData("sqrt(16)", "4")]
    [InlineData("pow(2, 10)", "1024")]
    [InlineData("exp(0)", "1")]
    [InlineData("log(1)", "0")]
    [InlineData("max_of(1, 5, 3)", "5")]
    [InlineData("min_of(4, 2, 3)", "2")]
    [InlineData("array_length(dynamic([1,2,3]))", "3")]
    [InlineData("bag_keys(dynamic({\"a\":1,\"b\":2}))", "[\"a\",\"b\"]")]
    [InlineData("parse_json(\"{\\\"k\\\":5}\").k", "5")]
    [InlineData("todynamic(\"[1]\")[0]", "1")]
    public void Scalar_functions(string expression, string expected) => Print(expression).ShouldBe(expected);

    [Theory]
    [InlineData(0, "1")]
    [InlineData(50, "5")]
    [InlineData(90, "9")]
    [InlineData(95, "10")]
    [InlineData(100, "10")]
    public void Percentile_is_nearest_rank_and_ignores_nulls(int p, string expected)
    {
        var query = $"datatable(x:long)[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, long(null)] | summarize percentile(x, {p})";
        Rows(Table(query)).ShouldBe([expected]);
    }

    [Fact]
    public void Round_over_groups_of_no_rows_gives_no_rows()
    {
        // The seed's dependency query over a window with no dependencies (the lab's recovery, when the worker reads the blobs).
        var query = "datatable(t:string, d:real)[] | summarize p95=round(percentile(d, 95), 2), total=count() by t";
        Rows(Table(query)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("order by x", "3 | 2 | 1 | ")]
    [InlineData("order by x desc", "3 | 2 | 1 | ")]
    [InlineData("order by x asc", " | 1 | 2 | 3")]
    [InlineData("sort by x asc nulls last", "1 | 2 | 3 | ")]
    [InlineData("sort by x desc nulls first", " | 3 | 2 | 1")]
    [InlineData("top 2 by x", "3 | 2")]
    public void Sort_defaults_to_descending_with_nulls_last(string op, string expected)
    {
        var table = Table($"datatable(x:long)[2, long(null), 3, 1] | {op}");
        string.Join(" | ", Rows(table)).ShouldBe(expected);
    }

    private const string Left = "datatable(k:string, a:long)[\"x\", 1, \"x\", 2, \"y\", 3, \"\", 4]";
    private const string Right = "datatable(k:string, b:long)[\"x\", 10, \"x\", 20, \"z\", 30, \"\", 40]";

    [Theory]
    [InlineData("", "x,1,x,10;x,1,x,20;,4,,40")]
    [InlineData("kind=innerunique", "x,1,x,10;x,1,x,20;,4,,40")]
    [InlineData("kind=inner", "x,1,x,10;x,1,x,20;x,2,x,10;x,2,x,20;,4,,40")]
    [InlineData("kind=leftouter", "x,1,x,10;x,1,x,20;x,2,x,10;x,2,x,20;y,3,,;,4,,40")]
    [InlineData("kind=rightouter", "x,1,x,10;x,1,x,20;x,2,x,10;x,2,x,20;,4,,40;,,z,30")]
    [InlineData("kind=fullouter", "x,1,x,10;x,1,x,20;x,2,x,10;x,2,x,20;y,3,,;,4,,40;,,z,30")]
    [InlineData("kind=leftanti", "y,3")]
    [InlineData("kind=rightanti", "z,30")]
    [InlineData("kind=leftsemi", "x,1;x,2;,4")]
    [InlineData("kind=rightsemi", "x,10;x,20;,40")]
    public void Join_kinds(string kind, string expected)
    {
        var table = Table($"{Left} | join {kind} ({Right}) on k");
        string.Join(";", Rows(table).Select(r => r.Replace(" | ", ",", StringComparison.Ordinal))).ShouldBe(expected);
    }

    [Fact]
    public void Join_suffixes_duplicate_right_columns_with_1()
    {
        Columns(Table($"{Left} | join kind=leftouter ({Right}) on k")).ShouldBe("k:string, a:long, k1:string, b:long");
        Columns(Table($"{Left} | join ({Right} | extend a = b) on $left.k == $right.k")).ShouldBe("k:string, a:long, k1:string, b:long, a1:long");
    }

    [Fact]
    public void Join_matches_null_keys_to_null_keys()
    {
        var table = Table("datatable(k:long, a:long)[long(null), 1, 2, 2] | join kind=inner (datatable(k:long, b:long)[long(null), 10]) on k");
        Rows(table).ShouldBe([" | 1 |  | 10"]);
    }

    [Fact]
    public void Outer_joins_over_filtered_inputs_fill_missing_sides_with_nulls()
    {
        var table = Table($"{Left} | where a > 1 | join kind=fullouter ({Right} | where b > 10) on k");
        string.Join(";", Rows(table)).ShouldBe("x | 2 | x | 20;y | 3 |  | ; | 4 |  | 40;|  | z | 30".Replace(";|", "; |", StringComparison.Ordinal));
    }

    [Fact]
    public void Lookup_defaults_to_leftouter_and_drops_the_right_key()
    {
        var table = Table($"{Left} | lookup ({Right} | summarize b = max(b) by k) on k");
        Columns(table).ShouldBe("k:string, a:long, b:long");
        string.Join(";", Rows(table)).ShouldBe("x | 1 | 20;x | 2 | 20;y | 3 | ; | 4 | 40");
    }

    [Theory]
    [InlineData("summarize count()", "count_:long")]
    [InlineData("summarize countif(x > 1)", "countif_:long")]
    [InlineData("summarize avg(x)", "avg_x:real")]
    [InlineData("summarize sum(x), min(x), max(x), dcount(x)", "sum_x:long, min_x:long, max_x:long, dcount_x:long")]
    [InlineData("summarize percentile(x, 95)", "percentile_x_95:long")]
    [InlineData("summarize percentiles(x, 50, 99.5)", "percentile_x_50:long, percentile_x_99_5:long")]
    [InlineData("summarize make_list(x), make_set(x), any(x)", "list_x:dynamic, set_x:dynamic, any_x:long")] // summarize-operator.md: set_x, list_x
    [InlineData("summarize count() by bin(t, 5m)", "t:datetime, count_:long")]
    [InlineData("summarize arg_max(x, t)", "x:long, t:datetime")]
    [InlineData("extend d = dynamic({\"K\": 1}) | project d.K, d[\"K\"]", "d_K:dynamic, d_K1:dynamic")]
    [InlineData("project x + 1, y = x", "Column1:long, y:long")]
    [InlineData("count", "Count:long")]
    [InlineData("distinct x", "x:long")]
    public void Output_columns_are_named_like_kusto(string op, string expected)
    {
        Columns(Table($"datatable(x:long, t:datetime)[1, datetime(2026-04-05 01:30:00Z), 2, datetime(2026-04-05 01:33:00Z)] | {op}")).ShouldBe(expected);
    }

    [Fact]
    public void Print_names_unnamed_columns_print_0_and_up() => Columns(Table("print 1, \"a\"")).ShouldBe("print_0:long, print_1:string");

    [Fact]
    public void Aggregates_ignore_nulls_but_count_counts_rows()
    {
        Rows(Table("datatable(x:long)[1, long(null), 3] | summarize count(), countif(isnull(x)), sum(x), avg(x), min(x), max(x), dcount(x)"))
            .ShouldBe(["3 | 1 | 4 | 2 | 1 | 3 | 2"]);
    }

    [Fact]
    public void Summarize_without_keys_over_no_rows_gives_one_row()
    {
        // summarize-operator.md, "Default values of aggregations": count() and sum() of no rows are 0.
        Rows(Table("datatable(x:long)[] | summarize count(), sum(x)")).ShouldBe(["0 | 0"]);
    }

    [Fact]
    public void Summarize_outputs_may_use_earlier_outputs()
    {
        Rows(Table("datatable(ok:bool)[true, false, false, true] | summarize total = count(), failures = countif(ok == false), rate = 100.0 * failures / total"))
            .ShouldBe(["4 | 2 | 50"]);
    }

    [Fact]
    public void Arg_max_returns_the_row_of_the_largest_value()
    {
        Rows(Table("datatable(g:string, x:long, s:string)[\"a\", 1, \"p\", \"a\", 5, \"q\", \"b\", 2, \"r\"] | summarize arg_max(x, *) by g"))
            .ShouldBe(["a | 5 | q", "b | 2 | r"]);
    }

    [Fact]
    public void Let_binds_scalars_and_tables_and_quoted_names()
    {
        const string query = """
            let threshold = 2;  // a comment
            let ['my table'] = datatable(x:long)[1, 2, 3];
            ['my table'] | where x >= threshold | project ['the value'] = x * 10
            """;
        var table = Table(query);
        Columns(table).ShouldBe("the value:long");
        Rows(table).ShouldBe(["20", "30"]);
    }

    [Fact]
    public void Range_union_mv_expand_and_operators_compose()
    {
        Rows(Table("range x from 1 to 5 step 2")).ShouldBe(["1", "3", "5"]);
        Rows(Table("union (print a = 1), (print a = 2, b = \"z\") | order by a asc")).ShouldBe(["1 | ", "2 | z"]);
        Rows(Table("print id = 1, items = dynamic([\"a\", \"b\"]) | mv-expand items to typeof(string)")).ShouldBe(["1 | a", "1 | b"]);
        Rows(Table("range x from 1 to 10 step 1 | where x % 2 == 0 | take 2")).ShouldBe(["2", "4"]);
        Rows(Table("datatable(a:long, b:long)[1, 2] | project-rename c = a | project-away b")).ShouldBe(["1"]);
        Rows(Table("datatable(a:string)[\"x\", \"x\", \"y\"] | distinct a | count")).ShouldBe(["2"]);
    }

    [Fact]
    public void In_accepts_a_table_and_toscalar_reads_one_value()
    {
        Rows(Table("let names = datatable(n:string)[\"ImportCatalogHttpTrigger\", \"nope\"]; requests | where name in (names) | count")).ShouldBe(["1"]);
        Rows(Table("let most = toscalar(requests | summarize max(duration)); requests | where duration == most | project name")).ShouldBe(["Render_Pdf_Activity"]);
    }

    [Fact]
    public void Render_is_kept_as_a_hint()
    {
        var table = Table("range x from 1 to 3 step 1 | render timechart with (title = \"Memory\")");
        table.Render.ShouldNotBeNull();
        table.Render.Kind.ShouldBe("timechart");
        table.Render.Properties["title"].ShouldBe("Memory");
    }

    [Fact]
    public void Strings_use_backslash_escapes_and_verbatim_strings_do_not()
    {
        Rows(Table(@"print a = 'it\'s', b = @'c:\temp', c = ""tab\there""")).ShouldBe(["it's | c:\\temp | tab\there"]);
    }
}
