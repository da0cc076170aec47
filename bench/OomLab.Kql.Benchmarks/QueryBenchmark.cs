using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace OomLab.Kql.Benchmarks;

/// <summary>
/// One seed query: the KQL text on this engine against the equivalent SQL on SQLite (the baseline) and on
/// DuckDB, over the same rows. Subclasses give the three texts; results are checked to agree on row count.
/// </summary>
[MemoryDiagnoser]
public abstract class QueryBenchmark
{
    private BenchData _data = null!;
    private SqliteConnection _sqlite = null!;
    private DuckDBConnection _duckDb = null!;
    private DuckDBConnection _duckDbOneThread = null!;

    /// <summary>Row counts to measure: 1,000,000 unless OOMLAB_BENCH_ROWS lists others (comma-separated).</summary>
    public static IEnumerable<int> RowCounts =>
        (Environment.GetEnvironmentVariable("OOMLAB_BENCH_ROWS") ?? "1000000").Split(',').Select(r => int.Parse(r, System.Globalization.CultureInfo.InvariantCulture));

    [ParamsSource(nameof(RowCounts))]
    public int Rows { get; set; }

    protected abstract string Kql { get; }

    protected abstract string Sql { get; }

    /// <summary>The same SQL in DuckDB's dialect (integer division <c>//</c>, <c>quantile_disc</c>, <c>json_extract_string</c>, <c>ILIKE</c>).</summary>
    protected abstract string DuckDbSql { get; }

    [GlobalSetup]
    public void Setup()
    {
        // The runtime option the project sets (see the .csproj): shown so a run's log says which heap its arrays went to.
        Console.WriteLine($"// System.GC.LOHThreshold: {AppContext.GetData("System.GC.LOHThreshold") ?? "default"}");
        _data = new BenchData(Rows);
        _sqlite = _data.OpenSqlite();
        _duckDb = _data.OpenDuckDb();
        _duckDbOneThread = _data.OpenDuckDb(threads: 1);
        var kqlRows = KqlQuery();
        var sqlRows = SqliteQuery();
        var duckDbRows = DuckDbQuery();
        var duckDbOneThreadRows = DuckDbOneThreadQuery();
        if (kqlRows != sqlRows || kqlRows != duckDbRows || kqlRows != duckDbOneThreadRows)
        {
            throw new InvalidOperationException($"{GetType().Name}: KQL returned {kqlRows} rows, SQLite {sqlRows}, DuckDB {duckDbRows}, DuckDB on one thread {duckDbOneThreadRows}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite.Dispose();
        _duckDb.Dispose();
        _duckDbOneThread.Dispose();
    }

    [Benchmark(Baseline = true, Description = "SQLite")]
    public int SqliteQuery()
    {
        using var command = _sqlite.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$app", BenchData.App);
        command.Parameters.AddWithValue("$ago", BenchData.Now.UtcDateTime.AddHours(-6).Ticks);
        return CountRows(command);
    }

    [Benchmark(Description = "DuckDB")]
    public int DuckDbQuery() => RunDuckDb(_duckDb);

    /// <summary>DuckDB held to one thread (<c>SET threads = 1</c>), as the KQL engine and SQLite run a query: the per-row cost without parallelism.</summary>
    [Benchmark(Description = "DuckDB 1 thread")]
    public int DuckDbOneThreadQuery() => RunDuckDb(_duckDbOneThread);

    [Benchmark(Description = "KQL")]
    public int KqlQuery()
    {
        var result = KqlEngine.Execute(Kql, _data.Tables, _data.Options);
        return result.Succeeded ? result.Table.RowCount : throw new InvalidOperationException(result.Diagnostics[0].Format(Kql));
    }

    private int RunDuckDb(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = DuckDbSql;
        command.Parameters.Add(new DuckDBParameter("app", BenchData.App));
        command.Parameters.Add(new DuckDBParameter("ago", BenchData.Now.UtcDateTime.AddHours(-6).Ticks));
        return CountRows(command);
    }

    private static int CountRows(System.Data.Common.DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    /// <summary>Ticks of a lab time, for the SQL texts.</summary>
    protected static long Ticks(int hour, int minute) => new DateTime(2026, 4, 5, hour, minute, 0, DateTimeKind.Utc).Ticks;
}
