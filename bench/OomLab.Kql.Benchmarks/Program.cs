using System.Diagnostics;
using BenchmarkDotNet.Running;
using OomLab.Kql.Benchmarks;

// "--quick N [passes] [scenario...]": every scenario (or the named ones) at N rows, SQLite once, then `passes` rounds of
// KQL, DuckDB and DuckDB on one thread in turn (the order rotating each round), after warm-up rounds: on a shared
// machine the three see the same load, and the median of each round's ratio is steadier than a ratio of medians. With
// one pass (the default) it is a smoke check, not a measurement. Anything else goes to BenchmarkDotNet, e.g. --filter * --job short.
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
        var sql = Time(benchmark.SqliteQuery);
        var times = Rounds([benchmark.KqlQuery, benchmark.DuckDbQuery, benchmark.DuckDbOneThreadQuery], passes);
        double Median(IEnumerable<double> values) => values.Order().ElementAt((passes - 1) / 2);
        var (kql, duck, duck1) = (Median(times[0]), Median(times[1]), Median(times[2]));
        var ratio = Median(times[0].Zip(times[1], (k, d) => k / d));
        var ratio1 = Median(times[0].Zip(times[2], (k, d) => k / d));
        Console.WriteLine($"{benchmark.GetType().Name,-8} rows={rows,10:N0} KQL {kql,8:F1} ms  SQLite {sql,8:F1} ms  DuckDB {duck,8:F1} ms  DuckDB(1 thread) {duck1,8:F1} ms  KQL/DuckDB {ratio:F2}  KQL/DuckDB(1) {ratio1:F2}  (medians of {passes})");
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
    var profiled = Rounds([benchmark.KqlQuery], int.Parse(profilePasses, System.Globalization.CultureInfo.InvariantCulture))[0];
    Console.WriteLine($"{scenario}: {profiled.Order().ElementAt(profiled.Length / 2):F1} ms median");
    benchmark.Cleanup();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// Wall time of one run in milliseconds.
static double Time(Func<int> query)
{
    var watch = Stopwatch.StartNew();
    query();
    return watch.Elapsed.TotalMilliseconds;
}

// `passes` rounds of the queries in turn, the order rotating each round, after warm-up rounds when there is more than one
// pass (as many, and up to 40 within 3 s: the JIT's tiers settle); each query's times in milliseconds, by round.
static double[][] Rounds(Func<int>[] queries, int passes)
{
    var warming = Stopwatch.StartNew();
    for (var i = 0; passes > 1 && i < Math.Max(passes, 40) && (i < passes || warming.Elapsed < TimeSpan.FromSeconds(3)); i++)
    {
        Array.ForEach(queries, query => query());
    }

    var times = queries.Select(_ => new double[passes]).ToArray();
    for (var round = 0; round < passes; round++)
    {
        for (var k = 0; k < queries.Length; k++)
        {
            var q = (k + round) % queries.Length;
            times[q][round] = Time(queries[q]);
        }
    }

    return times;
}
