using System.Text.Json.Nodes;
using static OomLab.Kql.Tests.Support.QueryRunner;

namespace OomLab.Kql.Tests;

/// <summary>The table builder, loaders and formatters a caller uses.</summary>
public sealed class DataTests
{
    [Fact]
    public void Builder_adopts_typed_arrays_with_null_masks()
    {
        var t0 = new DateTime(2026, 4, 5, 1, 30, 0, DateTimeKind.Utc).Ticks;
        var table = new KqlTableBuilder("requests")
            .AddDateTime("timestamp", [t0, t0 + TimeSpan.TicksPerMinute])
            .AddString("name", ["a", null])
            .AddTimeSpan("duration", [TimeSpan.TicksPerSecond, 0], [false, true])
            .AddLong("itemCount", [1, 2])
            .AddInt("code", [200, 500])
            .AddReal("value", [1.5, double.NaN], [false, true])
            .AddBool("success", [true, false])
            .AddDynamic("customDimensions", ["{\"K\":\"7\"}", null])
            .Build();
        var result = Table("T | extend k = tolong(customDimensions.K) | project timestamp, name, duration, code, value, k", new InMemoryTableSource(table.Rename("T")));
        Rows(result).ShouldBe(["2026-04-05T01:30:00Z | a | 00:00:01 | 200 | 1.5 | 7", "2026-04-05T01:31:00Z |  |  | 500 |  | "]);
        result.Columns[3].Type.ShouldBe(KqlType.Int);
    }

    [Fact]
    public void Builder_rejects_columns_of_different_lengths() =>
        Should.Throw<ArgumentException>(() => new KqlTableBuilder("t").AddLong("a", [1]).AddLong("b", [1, 2]).Build());

    [Fact]
    public void Csv_loader_infers_types_and_reads_typed_headers()
    {
        var table = KqlTableLoader.ParseCsv("a,b,c,d:string,e,f\n1,2.5,2026-04-05T01:30:00Z,007,true,\"{\"\"x\"\":1}\"\n,3,2026-04-05T01:31:00Z,8,false,\n", "t");
        Columns(table).ShouldBe("a:long, b:real, c:datetime, d:string, e:bool, f:dynamic");
        Rows(table).ShouldBe(["1 | 2.5 | 2026-04-05T01:30:00Z | 007 | true | {\"x\":1}", " | 3 | 2026-04-05T01:31:00Z | 8 | false | "]);
    }

    [Fact]
    public void Csv_loader_names_the_line_of_a_bad_value()
    {
        var ex = Should.Throw<FormatException>(() => KqlTableLoader.ParseCsv("a:long\n1\nx\n", "t", "data.csv"));
        ex.Message.ShouldBe("data.csv:3: 'x' in column 'a' is not a long");
    }

    [Fact]
    public void Json_loader_reads_arrays_of_objects_and_the_rest_shape()
    {
        var rows = KqlTableLoader.ParseJson("[{\"a\":1,\"b\":\"x\",\"c\":{\"k\":1}},{\"a\":2,\"t\":\"2026-04-05T01:30:00Z\"}]", "t").Single();
        Columns(rows).ShouldBe("a:long, b:string, c:dynamic, t:datetime");
        var rest = KqlTableLoader.ParseJson("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"n\",\"type\":\"long\"},{\"name\":\"d\",\"type\":\"timespan\"}],\"rows\":[[1,\"00:00:01\"]]}]}", "x").Single();
        rest.Name.ShouldBe("x");
        Rows(rest).ShouldBe(["1 | 00:00:01"]);
    }

    [Fact]
    public void Json_formatter_writes_the_application_insights_rest_shape()
    {
        var result = Run("print n = 1, s = \"a\", t = datetime(2026-04-05 01:30:00Z), d = 1500ms, r = real(null), j = dynamic({\"k\":[1]})");
        var json = JsonNode.Parse(KqlFormatter.ToJson(result.Tables))!;
        var table = json["tables"]![0]!;
        table["name"]!.GetValue<string>().ShouldBe("PrimaryResult");
        table["columns"]!.ToJsonString().ShouldBe("[{\"name\":\"n\",\"type\":\"long\"},{\"name\":\"s\",\"type\":\"string\"},{\"name\":\"t\",\"type\":\"datetime\"},{\"name\":\"d\",\"type\":\"timespan\"},{\"name\":\"r\",\"type\":\"real\"},{\"name\":\"j\",\"type\":\"dynamic\"}]");
        table["rows"]!.ToJsonString().ShouldBe("[[1,\"a\",\"2026-04-05T01:30:00Z\",\"00:00:01.5\",null,{\"k\":[1]}]]");
    }

    [Fact]
    public void Text_and_csv_formatters_align_and_quote()
    {
        var table = Table("datatable(name:string, n:long)[\"a,b\", 1, \"line\\nbreak\", 22]");
        KqlFormatter.ToText(table).ShouldBe("name         n\n-----------  --\na,b          1\nline\\nbreak  22\n");
        KqlFormatter.ToCsv(table).ShouldBe("name,n\n\"a,b\",1\n\"line\nbreak\",22\n");
    }

    [Fact]
    public void Where_keeps_a_selection_without_copying_unread_columns()
    {
        var rows = 1000;
        var values = Enumerable.Range(0, rows).Select(i => (long)i).ToArray();
        var table = new KqlTableBuilder("T").AddLong("x", values).AddString("s", Enumerable.Range(0, rows).Select(i => "v" + i).ToArray()).Build();
        var result = Table("T | where x >= 998", new InMemoryTableSource(table));
        Rows(result).ShouldBe(["998 | v998", "999 | v999"]);
    }

    [Theory]
    [InlineData("T | count", "")]
    [InlineData("T | where n > 1 | count", "n")]
    [InlineData("T | where n > 1 | project s", "n s")]
    [InlineData("union (T | where n > 1), (T | where n < 1) | summarize max(n)", "n")]
    [InlineData("T | extend m = n * 2 | join kind=inner (T | project n, d) on n | project m, d", "d n")]
    [InlineData("T | summarize c = countif(tolong(d.k) > 0)", "d")]
    public void Deferred_columns_are_read_only_when_a_query_reads_them(string query, string read)
    {
        var loaded = new List<string>();
        var table = new KqlTableBuilder("T")
            .AddDeferred("n", KqlType.Long, 3, b => { loaded.Add("n"); b.AddLong("n", [1, 2, 3]); })
            .AddDeferred("s", KqlType.String, 3, b => { loaded.Add("s"); b.AddString("s", ["a", "b", "c"]); })
            .AddDeferred("d", KqlType.Dynamic, 3, b => { loaded.Add("d"); b.AddDynamic("d", ["{\"k\":1}", null, "{\"k\":2}"]); })
            .Build();
        var source = new InMemoryTableSource(table);

        Table(query, source);
        Table(query, source);

        string.Join(" ", loaded.Order(StringComparer.Ordinal)).ShouldBe(read);
    }

    [Fact]
    public void Deferred_column_loader_must_add_the_column_it_promised()
    {
        var table = new KqlTableBuilder("T").AddDeferred("n", KqlType.Long, 2, b => b.AddLong("n", [1])).Build();
        Should.Throw<InvalidOperationException>(() => table.Columns[0].GetValue(0));
    }

    [Fact]
    public void Dynamic_members_read_from_json_text_give_the_same_values_in_every_query()
    {
        var table = new KqlTableBuilder("T")
            .AddLong("n", [1, 2, 3, 4, 5])
            .AddDynamic("d", ["{\"k\":7,\"o\":{\"x\":1}}", "{\"other\":1}", "not json", null, "{\"k\":\"8\",\"o\":[1,2]}"])
            .Build();
        var source = new InMemoryTableSource(table);
        const string query = "T | where n != 2 | project n, k = tolong(d.k), o = d.o, x = d.o.x, whole = d";
        string[] expected = ["1 | 7 | {\"x\":1} | 1 | {\"k\":7,\"o\":{\"x\":1}}", "3 |  |  |  | not json", "4 |  |  |  | ", "5 | 8 | [1,2] |  | {\"k\":\"8\",\"o\":[1,2]}"];

        Rows(Table(query, source)).ShouldBe(expected);
        Rows(Table(query, source)).ShouldBe(expected);
        Rows(Table("T | summarize s = sum(tolong(d.k))", source)).ShouldBe(["15"]);
    }

    [Theory]
    [InlineData("{\"k\":7}")]
    [InlineData("{\"k\":\"seven\",\"z\":1}")]
    [InlineData("{\"a\":{\"k\":1},\"k\":[1,{\"k\":2}]}")]
    [InlineData("{\"k\":1,\"k\":2}")]
    [InlineData("{\"k\":null}")]
    [InlineData("{\"k\":1} trailing")]
    [InlineData("{\"k\":1,\"b\":}")]
    [InlineData("{\"k\":1,}")]
    [InlineData("  {\"k\" : true }  ")]
    [InlineData("[{\"k\":1}]")]
    [InlineData("\"k\"")]
    [InlineData("{\"k\":\"a\\\"b\\u00e9\"}")]
    public void A_member_read_from_json_text_is_the_member_of_the_parsed_text(string json)
    {
        var source = new InMemoryTableSource(new KqlTableBuilder("T").AddDynamic("d", [json]).Build());

        Rows(Table("T | project m = tostring(d.k)", source)).ShouldBe([MemberOfParsedText(json)]);
    }

    private static string MemberOfParsedText(string json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind != System.Text.Json.JsonValueKind.Object || !root.TryGetProperty("k", out var member) || member.ValueKind == System.Text.Json.JsonValueKind.Null
                ? string.Empty
                : member.ValueKind == System.Text.Json.JsonValueKind.String ? member.GetString()! : member.GetRawText();
        }
        catch (System.Text.Json.JsonException)
        {
            return string.Empty;
        }
    }

    [Theory]
    [InlineData(true, "let x = T | where n > 0;", "3")]
    [InlineData(false, "let x = T | where n > 0;", "1")]
    [InlineData(true, "let x = T | where n > 1;", "1")]
    public void Shared_let_results_are_reused_by_a_later_query_with_the_same_text_before_them(bool share, string secondLet, string secondCount)
    {
        // Two sources with different rows show which run's let result a query used.
        var first = new InMemoryTableSource(new KqlTableBuilder("T").AddLong("n", [1, 2, 3]).Build());
        var second = new InMemoryTableSource(new KqlTableBuilder("T").AddLong("n", [5]).Build());
        var options = new KqlOptions(shareLetResults: share);

        Rows(Table("let x = T | where n > 0; x | count", first, options)).ShouldBe(["3"]);
        Rows(Table(secondLet + " x | count", second, options)).ShouldBe([secondCount]);
    }
}
