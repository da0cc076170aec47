namespace OomLab.Kql.Benchmarks;

/// <summary>The seed queries benchmarked, verbatim from the seed files, and their SQL equivalents (5 minutes = 3,000,000,000 ticks).</summary>
internal static class SeedQueries
{
    /// <summary>A seed KQL block, verbatim: the files the KQL tests check the engine against (Seeds/*.kql).</summary>
    public static string Kql(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", name + ".kql"));

    public static string RequestsSql(long from, long to) => $"""
        WITH f AS (
          SELECT (ts / 3000000000) * 3000000000 AS bin, success, duration_ms FROM requests
          WHERE ts BETWEEN {from} AND {to} AND cloud_RoleName = $app),
        g AS (SELECT bin, COUNT(*) AS total, SUM(success = 0) AS failures FROM f GROUP BY bin),
        r AS (SELECT bin, duration_ms, ROW_NUMBER() OVER (PARTITION BY bin ORDER BY duration_ms) AS rn, COUNT(*) OVER (PARTITION BY bin) AS n FROM f)
        SELECT g.bin, g.total, g.failures, round(r.duration_ms, 2) AS p95Ms, round(100.0 * g.failures / g.total, 2) AS failureRatePercent
        FROM g JOIN r ON r.bin = g.bin AND r.rn = (95 * r.n + 99) / 100
        ORDER BY g.bin
        """;

    /// <summary>Query B/G on DuckDB: <c>quantile_disc</c> is the nearest-rank percentile, so no window is needed.</summary>
    public static string RequestsDuckDbSql(long from, long to) => $"""
        SELECT (ts // 3000000000) * 3000000000 AS bin, count(*) AS total, count_if(NOT success) AS failures,
               round(quantile_disc(duration_ms, 0.95), 2) AS p95Ms, round(100.0 * count_if(NOT success) / count(*), 2) AS failureRatePercent
        FROM requests
        WHERE ts BETWEEN {from} AND {to} AND cloud_RoleName = $app
        GROUP BY bin ORDER BY bin
        """;

    /// <summary>Query C/I; <paramref name="divide"/> is the integer division: <c>/</c> on SQLite, <c>//</c> on DuckDB.</summary>
    public static string CountersSql(long from, long to, string divide = "/") => $"""
        SELECT (ts {divide} 3000000000) * 3000000000 AS bin, round(avg(value) / (1024.0 * 1024.0), 1), round(max(value) / (1024.0 * 1024.0), 1)
        FROM performanceCounters
        WHERE ts BETWEEN {from} AND {to} AND cloud_RoleName = $app AND counter = 'Private Bytes'
        GROUP BY bin ORDER BY bin
        """;

    /// <summary>Query F; <paramref name="like"/> is a case-insensitive match, as <c>has_any</c> is: SQLite's <c>LIKE</c>, DuckDB's <c>ILIKE</c>.</summary>
    public static string TracesSql(long from, long to, string like = "LIKE") => $"""
        SELECT ts, severityLevel, message FROM traces
        WHERE ts BETWEEN {from} AND {to} AND cloud_RoleName = $app
          AND (message {like} '%Worker process exited%' OR message {like} '%exit code 137%' OR message {like} '%Restarting worker process%' OR message {like} '%Worker process started%')
        ORDER BY ts
        """;

    public const string H1Sql = """
        WITH t AS (SELECT operation_Id FROM traces WHERE ts > $ago
                   AND (message LIKE '%OutOfMemoryException%' OR message LIKE '%OutOfMemory%' OR message LIKE '%worker process%')),
        r AS (SELECT operation_Id, name, CAST(json_extract(customDimensions, '$.RequestBodyBytes') AS INTEGER) AS requestBytes FROM requests WHERE ts > $ago),
        j AS (SELECT r.name, r.requestBytes FROM t LEFT JOIN r ON r.operation_Id = t.operation_Id WHERE r.requestBytes IS NOT NULL),
        p AS (SELECT name, requestBytes, ROW_NUMBER() OVER (PARTITION BY name ORDER BY requestBytes) AS rn,
                     COUNT(*) OVER (PARTITION BY name) AS n, MAX(requestBytes) OVER (PARTITION BY name) AS mx FROM j)
        SELECT name, n AS incidents, requestBytes AS p95RequestBytes, mx AS maxRequestBytes FROM p
        WHERE rn = (95 * n + 99) / 100 ORDER BY incidents DESC
        """;

    /// <summary>H1 on DuckDB: <c>ILIKE</c> (DuckDB's <c>LIKE</c> is case-sensitive, SQLite's and <c>has_any</c> are not).</summary>
    public const string H1DuckDbSql = """
        WITH t AS (SELECT operation_Id FROM traces WHERE ts > $ago
                   AND (message ILIKE '%OutOfMemoryException%' OR message ILIKE '%OutOfMemory%' OR message ILIKE '%worker process%')),
        r AS (SELECT operation_Id, name, CAST(json_extract_string(customDimensions, '$.RequestBodyBytes') AS BIGINT) AS requestBytes FROM requests WHERE ts > $ago),
        j AS (SELECT r.name, r.requestBytes FROM t LEFT JOIN r ON r.operation_Id = t.operation_Id WHERE r.requestBytes IS NOT NULL)
        SELECT name, count(*) AS incidents, quantile_disc(requestBytes, 0.95) AS p95RequestBytes, max(requestBytes) AS maxRequestBytes
        FROM j GROUP BY name ORDER BY incidents DESC
        """;
}
