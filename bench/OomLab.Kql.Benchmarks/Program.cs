using System.Diagnostics;
using BenchmarkDotNet.Running;
using OomLab.Kql.Benchmarks;

// "--quick N [passes] [scenario...]": every scenario (or the named ones) at N rows, the median of the passes
// after warm-up runs (default 1 pass: a smoke check, not a measurement); anything else goes to BenchmarkDotNet,
// e.g. --filter * --job short.
if (args is ["--quick", var rowsText, ..])
{
    var rows = int.Parse(rowsText, System.Globalization.CultureInfo.InvariantCulture);
    var passes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
    var names = args.Skip(3).ToHashSet(StringComparer.OrdinalIgnoreCase);
    foreach (var benchmark in new QueryBenchmark[] { new QueryB(), new QueryG(), new QueryC(), new QueryI(), new QueryF(), new H1Join() })
    {
        if (names.Count > 0 && !names.Contains(benchmark.GetType().Name))
        {
            continue;
        }

        benchmark.Rows = rows;
        benchmark.Setup();
        var sql = Median(benchmark.SqliteQuery, passes > 1 ? 1 : passes);
        var kql = Median(benchmark.KqlQuery, passes);
        var duck = Median(benchmark.DuckDbQuery, passes);
        var duck1 = Median(benchmark.DuckDbOneThreadQuery, passes);
        Console.WriteLine($"{benchmark.GetType().Name,-8} rows={rows,10:N0} KQL {kql,8:F1} ms  SQLite {sql,8:F1} ms  DuckDB {duck,8:F1} ms  DuckDB(1 thread) {duck1,8:F1} ms  KQL/DuckDB {kql / duck:F2}  KQL/DuckDB(1) {kql / duck1:F2}");
        benchmark.Cleanup();
    }

    return;
}

// "--profile N passes scenario": only the KQL query of one scenario, `passes` times, to run under a profiler
// (DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -g ...).
if (args is ["--profile", var profileRows, var profilePasses, var scenario])
{
    var benchmark = (QueryBenchmark)Activator.CreateInstance(typeof(Program).Assembly.GetType("OomLab.Kql.Benchmarks." + scenario, throwOnError: true)!)!;
    benchmark.Rows = int.Parse(profileRows, System.Globalization.CultureInfo.InvariantCulture);
    benchmark.Setup();
    Console.WriteLine($"{scenario}: {Median(benchmark.KqlQuery, int.Parse(profilePasses, System.Globalization.CultureInfo.InvariantCulture)):F1} ms median");
    benchmark.Cleanup();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// The median wall time of `passes` runs in milliseconds, after warm-up runs when there is more than one pass (as many, and
// up to 40 within 3 s: the JIT's tiers settle).
static double Median(Func<int> query, int passes)
{
    var warming = Stopwatch.StartNew();
    for (var i = 0; passes > 1 && i < Math.Max(passes, 40) && (i < passes || warming.Elapsed < TimeSpan.FromSeconds(3)); i++)
    {
        query();
    }

    var times = new double[passes];
    for (var i = 0; i < passes; i++)
    {
        var watch = Stopwatch.StartNew();
        query();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    return times[passes / 2];
}
