using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace OomLab.Kql.Benchmarks;

/// <summary>
/// Deterministic telemetry shaped like the lab's <c>requests</c>, <c>performanceCounters</c> and
/// <c>traces</c> over the seed's timeline (01:30 to 02:40), built once per process as KQL tables, and
/// written once to a SQLite file (cached across runs) and, per process, to an in-memory DuckDB database,
/// both holding the very same rows.
/// </summary>
internal sealed class BenchData
{
    public const string App = "func-oom-lab-001";

    public static readonly DateTime T0 = new(2026, 4, 5, 1, 30, 0, DateTimeKind.Utc);

    /// <summary>The query clock: ago(6h) covers every row.</summary>
    public static readonly DateTimeOffset Now = new(2026, 4, 5, 4, 30, 0, TimeSpan.Zero);

    private static readonly string[] Names = ["BlobBufferProcessor", "BlobStreamProcessor", "ProcessOrderHttpTrigger", "ImportCatalogHttpTrigger", "Render_Pdf_Activity"];

    private static readonly string[] Messages =
    [
        "Host heartbeat", "Executing 'Functions.BlobBufferProcessor'", "Executed 'Functions.BlobBufferProcessor' (Succeeded)",
        "Worker process started", "Worker process exited with code 137", "Restarting worker process after unexpected exit",
        "System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.", "Blob trigger function processed blob",
        "Worker_process_exited_flag set", "MyHost started", "Job host started", "Scale controller heartbeat",
    ];

    private static readonly double[] MessageWeights = [40, 15, 15, 3, 2, 2, 1, 15, 2, 2, 1, 2];

    public BenchData(int rows)
    {
        Rows = rows;
        var random = new Random(42);
        var span = TimeSpan.FromMinutes(70).Ticks;

        var timestamps = new long[rows];
        var roles = new string[rows];
        var success = new bool[rows];
        var durations = new long[rows];
        var names = new string[rows];
        var operations = new string[rows];
        var dimensions = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            timestamps[i] = T0.Ticks + (span * i / rows);
            roles[i] = random.NextDouble() < 0.95 ? App : "other-app";
            success[i] = random.NextDouble() < 0.93;
            durations[i] = (long)(TimeSpan.TicksPerMillisecond * Math.Exp(5 + (2.5 * random.NextDouble())));
            names[i] = Names[random.Next(Names.Length)];
            operations[i] = "op-" + i.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            dimensions[i] = random.NextDouble() < 0.05 ? "{\"RequestBodyBytes\":\"" + random.Next(1 << 20, 1 << 27) + "\"}" : null;
        }

        RequestColumns = (timestamps, roles, success, durations, names, operations, dimensions);
        Requests = new KqlTableBuilder("requests")
            .AddDateTime("timestamp", timestamps).AddString("name", names).AddBool("success", success).AddTimeSpan("duration", durations)
            .AddDynamic("customDimensions", dimensions).AddString("operation_Id", operations).AddString("cloud_RoleName", roles)
            .AddString("resultCode", success.Select(ok => ok ? "200" : "500").ToArray()).Build();

        var counters = new string[rows];
        var values = new double[rows];
        var pcRoles = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            counters[i] = random.NextDouble() < 0.5 ? "Private Bytes" : "Working Set";
            values[i] = (400 + (2400.0 * i / rows) + (100 * random.NextDouble())) * 1024 * 1024;
            pcRoles[i] = random.NextDouble() < 0.95 ? App : "other-app";
        }

        CounterColumns = (timestamps, counters, values, pcRoles);
        PerformanceCounters = new KqlTableBuilder("performanceCounters")
            .AddDateTime("timestamp", timestamps).AddString("counter", counters).AddReal("value", values).AddString("cloud_RoleName", pcRoles).Build();

        var messages = new string[rows];
        var severities = new long[rows];
        var traceOperations = new string[rows];
        var total = MessageWeights.Sum();
        for (var i = 0; i < rows; i++)
        {
            var pick = random.NextDouble() * total;
            var m = 0;
            while (pick > MessageWeights[m])
            {
                pick -= MessageWeights[m++];
            }

            messages[i] = Messages[m];
            severities[i] = m is 4 or 6 ? 3 : 1;
            traceOperations[i] = operations[random.Next(rows)];
        }

        TraceColumns = (timestamps, messages, severities, traceOperations, roles);
        Traces = new KqlTableBuilder("traces")
            .AddDateTime("timestamp", timestamps).AddString("message", messages).AddLong("severityLevel", severities)
            .AddString("operation_Id", traceOperations).AddString("cloud_RoleName", roles)
            .AddString("cloud_RoleInstance", Enumerable.Repeat("RD1", rows).ToArray()).Build();

        Tables = new InMemoryTableSource(Requests, PerformanceCounters, Traces);
    }

    public int Rows { get; }

    public KqlTable Requests { get; }

    public KqlTable PerformanceCounters { get; }

    public KqlTable Traces { get; }

    public InMemoryTableSource Tables { get; }

    public KqlOptions Options { get; } = new(maxRows: 100_000_000, maxMemoryBytes: 16L << 30, timeProvider: new FixedClock(Now));

    private (long[] Ts, string[] Role, bool[] Ok, long[] Dur, string[] Name, string[] Op, string?[] Dims) RequestColumns { get; }

    private (long[] Ts, string[] Counter, double[] Value, string[] Role) CounterColumns { get; }

    private (long[] Ts, string[] Message, long[] Severity, string[] Op, string[] Role) TraceColumns { get; }

    /// <summary>Opens (creating once) a SQLite file with the same rows; timestamps as ticks, durations in milliseconds.</summary>
    public SqliteConnection OpenSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "oomlab-kql-bench");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"telemetry-{Rows}.db");
        var exists = File.Exists(path);
        var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        if (!exists)
        {
            Fill(connection);
        }

        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA cache_size = -2000000; PRAGMA temp_store = MEMORY;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Opens an in-memory DuckDB database with the same rows and types as the SQLite file, filled through DuckDB's appender.</summary>
    /// <param name="threads">DuckDB's worker threads; null keeps its default (one per core).</param>
    public DuckDBConnection OpenDuckDb(int? threads = null)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = (threads is { } count ? $"SET threads = {count};\n" : string.Empty) + """
                CREATE TABLE requests (ts BIGINT, name VARCHAR, success BOOLEAN, duration_ms DOUBLE, customDimensions VARCHAR, operation_Id VARCHAR, cloud_RoleName VARCHAR);
                CREATE TABLE performanceCounters (ts BIGINT, counter VARCHAR, value DOUBLE, cloud_RoleName VARCHAR);
                CREATE TABLE traces (ts BIGINT, message VARCHAR, severityLevel BIGINT, operation_Id VARCHAR, cloud_RoleName VARCHAR);
                """;
            create.ExecuteNonQuery();
        }

        var r = RequestColumns;
        Append(connection, "requests", (i, row) => row.AppendValue(r.Ts[i]).AppendValue(r.Name[i]).AppendValue(r.Ok[i])
            .AppendValue(r.Dur[i] / (double)TimeSpan.TicksPerMillisecond).AppendValue(r.Dims[i]).AppendValue(r.Op[i]).AppendValue(r.Role[i]));
        var c = CounterColumns;
        Append(connection, "performanceCounters", (i, row) => row.AppendValue(c.Ts[i]).AppendValue(c.Counter[i]).AppendValue(c.Value[i]).AppendValue(c.Role[i]));
        var t = TraceColumns;
        Append(connection, "traces", (i, row) => row.AppendValue(t.Ts[i]).AppendValue(t.Message[i]).AppendValue(t.Severity[i]).AppendValue(t.Op[i]).AppendValue(t.Role[i]));
        return connection;
    }

    private void Append(DuckDBConnection connection, string table, Func<int, IDuckDBAppenderRow, IDuckDBAppenderRow> fill)
    {
        using var appender = connection.CreateAppender(table);
        for (var i = 0; i < Rows; i++)
        {
            fill(i, appender.CreateRow()).EndRow();
        }
    }

    private void Fill(SqliteConnection connection)
    {
        Execute(connection, """
            CREATE TABLE requests (ts INTEGER, name TEXT, success INTEGER, duration_ms REAL, customDimensions TEXT, operation_Id TEXT, cloud_RoleName TEXT);
            CREATE TABLE performanceCounters (ts INTEGER, counter TEXT, value REAL, cloud_RoleName TEXT);
            CREATE TABLE traces (ts INTEGER, message TEXT, severityLevel INTEGER, operation_Id TEXT, cloud_RoleName TEXT);
            """);
        using var transaction = connection.BeginTransaction();
        Insert(connection, "INSERT INTO requests VALUES ($a, $b, $c, $d, $e, $f, $g)", 7, (i, p) =>
        {
            var r = RequestColumns;
            p[0].Value = r.Ts[i];
            p[1].Value = r.Name[i];
            p[2].Value = r.Ok[i] ? 1 : 0;
            p[3].Value = r.Dur[i] / (double)TimeSpan.TicksPerMillisecond;
            p[4].Value = (object?)r.Dims[i] ?? DBNull.Value;
            p[5].Value = r.Op[i];
            p[6].Value = r.Role[i];
        });
        Insert(connection, "INSERT INTO performanceCounters VALUES ($a, $b, $c, $d)", 4, (i, p) =>
        {
            var c = CounterColumns;
            p[0].Value = c.Ts[i];
            p[1].Value = c.Counter[i];
            p[2].Value = c.Value[i];
            p[3].Value = c.Role[i];
        });
        Insert(connection, "INSERT INTO traces VALUES ($a, $b, $c, $d, $e)", 5, (i, p) =>
        {
            var t = TraceColumns;
            p[0].Value = t.Ts[i];
            p[1].Value = t.Message[i];
            p[2].Value = t.Severity[i];
            p[3].Value = t.Op[i];
            p[4].Value = t.Role[i];
        });
        transaction.Commit();
    }

    private void Insert(SqliteConnection connection, string sql, int parameterCount, Action<int, SqliteParameter[]> bind)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameters = Enumerable.Range(0, parameterCount).Select(i => command.Parameters.Add(new SqliteParameter("$" + (char)('a' + i), null))).ToArray();
        for (var i = 0; i < Rows; i++)
        {
            bind(i, parameters);
            command.ExecuteNonQuery();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
