using System.Text.Json.Nodes;
using OomLab.Cli.Tests.Support;

namespace OomLab.Cli.Tests;

/// <summary><c>oomlab query</c> end to end: the real executable over real CSV/JSON files.</summary>
public sealed class QueryCommandTests : IDisposable
{
    private const string RequestsCsv = """
        timestamp:datetime,name:string,success:bool,duration:timespan,cloud_RoleName:string
        2026-04-05T01:31:00Z,BlobBufferProcessor,true,00:00:00.400,func-oom-lab-001
        2026-04-05T01:33:00Z,BlobBufferProcessor,true,00:00:00.600,func-oom-lab-001
        2026-04-05T01:34:00Z,BlobBufferProcessor,false,00:00:00.500,func-oom-lab-001
        2026-04-05T01:41:00Z,BlobBufferProcessor,true,00:00:00.420,func-oom-lab-001
        """;

    private const string SeedQueryB = """
        let appName = "func-oom-lab-001";
        let t0 = datetime(2026-04-05 01:30:00Z);
        let t1 = datetime(2026-04-05 01:45:00Z);
        requests
        | where timestamp between (t0 .. t1)
        | where cloud_RoleName == appName
        | summarize
            total=count(),
            failures=countif(success == false),
            p95Ms=round(percentile(toreal(duration / 1ms), 95), 2),
            failureRatePercent=round(100.0 * failures / total, 2)
          by bin(timestamp, 5m)
        | order by timestamp asc
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Query_from_a_file_prints_an_aligned_table()
    {
        _dir.Write("requests.csv", RequestsCsv);
        _dir.Write("b.kql", SeedQueryB);

        var (exit, stdout, stderr) = await OomLabCli.RunAsync(["query", "-f", "b.kql", "--table", "requests=requests.csv"], workingDirectory: _dir.Path);

        stderr.ShouldBeEmpty();
        exit.ShouldBe(0);
        stdout.ShouldBe("""
            timestamp             total  failures  p95Ms  failureRatePercent
            --------------------  -----  --------  -----  ------------------
            2026-04-05T01:30:00Z  3      1         600    33.33
            2026-04-05T01:40:00Z  1      0         420    0

            """.Replace("\r", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_output_has_the_application_insights_rest_shape()
    {
        _dir.Write("requests.csv", RequestsCsv);

        var (exit, stdout, _) = await OomLabCli.RunAsync(["query", "requests | summarize n = count() by name", "-t", "requests=requests.csv", "--format", "json"], workingDirectory: _dir.Path);

        exit.ShouldBe(0);
        var table = JsonNode.Parse(stdout)!["tables"]![0]!;
        table["name"]!.GetValue<string>().ShouldBe("PrimaryResult");
        table["columns"]!.ToJsonString().ShouldBe("[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"long\"}]");
        table["rows"]!.ToJsonString().ShouldBe("[[\"BlobBufferProcessor\",4]]");
    }

    [Fact]
    public async Task Csv_output_and_json_tables_as_input()
    {
        _dir.Write("metrics.json", """[{"Name":"WorkingSet","Value":1000.5},{"Name":"WorkingSet","Value":3000}]""");

        var (exit, stdout, _) = await OomLabCli.RunAsync(["query", "AppMetrics | summarize max(Value) by Name", "--table", "AppMetrics=metrics.json", "--format", "csv"], workingDirectory: _dir.Path);

        exit.ShouldBe(0);
        stdout.ShouldBe("Name,max_Value\nWorkingSet,3000\n");
    }

    [Fact]
    public async Task A_bad_query_shows_file_line_column_and_a_caret_and_exits_2()
    {
        _dir.Write("requests.csv", RequestsCsv);
        _dir.Write("bad.kql", "requests\n| where durationn > 1s\n| summarize count() by nme");

        var (exit, stdout, stderr) = await OomLabCli.RunAsync(["query", "-f", "bad.kql", "--table", "requests=requests.csv"], workingDirectory: _dir.Path);

        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe(
            "bad.kql:2:9: error KQL020: unknown column or name 'durationn'; did you mean 'duration'?\n" +
            "| where durationn > 1s\n" +
            "        ^~~~~~~~~\n" +
            "bad.kql:3:24: error KQL020: unknown column or name 'nme'; did you mean 'name'?\n" +
            "| summarize count() by nme\n" +
            "                       ^~~\n");
    }

    [Theory]
    [InlineData("print x = (1 + 2", "query:1:11: error KQL011")]
    [InlineData("print 99999999999999999999", "query:1:7: error KQL003")]
    [InlineData("requests | frobnicate", "query:1:12: error KQL012")]
    [InlineData("let a = b; let b = 1; print a", "query:1:9: error KQL023")]
    public async Task Inline_query_errors_are_located_and_never_a_stack_trace(string query, string expected)
    {
        _dir.Write("requests.csv", RequestsCsv);

        var (exit, _, stderr) = await OomLabCli.RunAsync(["query", query, "-t", "requests=requests.csv"], workingDirectory: _dir.Path);

        exit.ShouldBe(2);
        stderr.ShouldStartWith(expected);
        stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_cross_join_over_the_row_budget_is_an_error_not_an_out_of_memory()
    {
        var (exit, _, stderr) = await OomLabCli.RunAsync(["query",
            "range x from 1 to 100000 step 1 | extend k = 1 | join kind=inner (range y from 1 to 100000 step 1 | extend k = 1) on k",
            "--max-rows", "1000000"], workingDirectory: _dir.Path);

        exit.ShouldBe(2);
        stderr.ShouldContain("error KQL090: join would produce");
    }

    [Fact]
    public async Task A_table_file_with_a_bad_value_names_the_file_and_line()
    {
        _dir.Write("bad.csv", "n:long\n1\nseven\n");

        var (exit, _, stderr) = await OomLabCli.RunAsync(["query", "t | count", "--table", "t=bad.csv"], workingDirectory: _dir.Path);

        exit.ShouldBe(2);
        stderr.ShouldContain("bad.csv:3: 'seven' in column 'n' is not a long");
        stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_missing_table_file_is_reported()
    {
        var (exit, _, stderr) = await OomLabCli.RunAsync(["query", "t | count", "--table", "t=missing.csv"], workingDirectory: _dir.Path);

        exit.ShouldBe(2);
        stderr.ShouldContain("file not found: missing.csv");
    }
}
