using System.Diagnostics;
using BenchmarkDotNet.Running;
using OomLab.Kql.Benchmarks;

// "--quick N": one timed pass of every scenario at N rows (a smoke check, not a measurement);
// anything else goes to BenchmarkDotNet, e.g. --filter * --job short.
if (args is ["--quick", var rowsText])
{
    var rows = int.Parse(rowsText, System.Globalization.CultureInfo.InvariantCulture);
    foreach (var benchmark in new QueryBenchmark[] { new QueryB(), new QueryG(), new QueryC(), new QueryI(), new QueryF(), new H1Join() })
    {
        benchmark.Rows = rows;
        benchmark.Setup();
        var sql = Stopwatch.StartNew();
        var sqlRows = benchmark.SqliteQuery();
        sql.Stop();
        var kql = Stopwatch.StartNew();
        var kqlRows = benchmark.KqlQuery();
        kql.Stop();
        var duck = Stopwatch.StartNew();
        var duckRows = benchmark.DuckDbQuery();
        duck.Stop();
        Console.WriteLine($"{benchmark.GetType().Name,-8} rows={rows,10:N0} KQL {kql.Elapsed.TotalMilliseconds,8:F1} ms ({kqlRows} rows)  SQLite {sql.Elapsed.TotalMilliseconds,8:F1} ms ({sqlRows} rows)  DuckDB {duck.Elapsed.TotalMilliseconds,8:F1} ms ({duckRows} rows)  KQL/SQLite {kql.Elapsed / sql.Elapsed:F2}  KQL/DuckDB {kql.Elapsed / duck.Elapsed:F2}");
        benchmark.Cleanup();
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
