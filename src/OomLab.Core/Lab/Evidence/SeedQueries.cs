using System.Globalization;

namespace OomLab.Lab.Evidence;

/// <summary>
/// The lab guide's queries A-I and its post-fix queries. With the seed's T0 the texts are the seed's own,
/// character for character, for the seed's Python app. For the .NET lab (<c>--runtime dotnet</c>), whose in-process
/// memory failure is <c>System.OutOfMemoryException</c>, not <c>MemoryError</c>, <c>"OutOfMemoryException"</c> is
/// added beside <c>"MemoryError"</c> in queries D, E and PostFix-1.
/// </summary>
internal static class SeedQueries
{
    private const string DotnetAdaptation =
        "adds \"OutOfMemoryException\" to has_any: the worker is .NET, whose in-process memory failure is System.OutOfMemoryException rather than Python's MemoryError";

    private const string BaselineWindow = "the seed's query over the baseline window (01:30-01:45), for comparison";

    private const string RecoveryWindow = "the seed's query over the recovery window (02:25-02:40), for comparison";

    private const string RequestsBody = """
        requests
        | where timestamp between (tStart .. tEnd)
        | where cloud_RoleName == appName
        | summarize
            total=count(),
            failures=countif(success == false),
            p95Ms=round(percentile(toreal(duration / 1ms), 95), 2),
            failureRatePercent=round(100.0 * failures / total, 2)
          by bin(timestamp, 5m)
        | order by timestamp asc
        """;

    private const string DependenciesBody = """
        dependencies
        | where timestamp between (tStart .. tEnd)
        | where cloud_RoleName == appName
        | summarize
            total=count(),
            failed=countif(success == false),
            p95Ms=round(percentile(toreal(duration / 1ms), 95), 2),
            failureRatePercent=round(100.0 * failed / total, 2)
          by type, target, bin(timestamp, 5m)
        | order by timestamp asc
        """;

    private const string MemoryBody = """
        performanceCounters
        | where timestamp between (tStart .. tEnd)
        | where cloud_RoleName == appName
        | where counter == "Private Bytes"
        | summarize avgMemoryMB=round(avg(value) / (1024.0 * 1024.0), 1), maxMemoryMB=round(max(value) / (1024.0 * 1024.0), 1) by bin(timestamp, 5m)
        | order by timestamp asc
        """;

    public static IReadOnlyList<SeedQuery> All(DateTimeOffset t0, string appName, LabRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var q = new Builder(t0, appName);
        var dotnet = runtime.AdaptsQueries;
        var memoryError = dotnet ? "\"MemoryError\", \"OutOfMemoryException\"" : "\"MemoryError\"";
        var adaptation = dotnet ? DotnetAdaptation : null;
        return
        [
            q.Query("A", "Host lifecycle baseline (traces)", 0, 15, """
                traces
                | where timestamp between (t0 .. t1)
                | where cloud_RoleName == appName
                | where message has_any ("Starting Host", "Host started", "Job host started", "Worker process started")
                | project timestamp, severityLevel, message
                | order by timestamp asc
                """, "t0", "t1"),
            q.Query("B", "Request baseline (requests)", 0, 15, """
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
                """, "t0", "t1"),
            q.Query("C", "Memory baseline (performanceCounters)", 0, 15, """
                performanceCounters
                | where timestamp between (t0 .. t1)
                | where cloud_RoleName == appName
                | where counter == "Private Bytes"
                | summarize avgMemoryMB=round(avg(value) / (1024.0 * 1024.0), 1), maxMemoryMB=round(max(value) / (1024.0 * 1024.0), 1) by bin(timestamp, 5m)
                | order by timestamp asc
                """, "t0", "t1"),
            q.Query("D", "Python memory failure signature (FunctionAppLogs)", 0, 15, $"""
                FunctionAppLogs
                | where TimeGenerated between (t0 .. t1)
                | where AppName == appName
                | where Message has_any ({memoryError}, "Worker process exited", "Restarting worker process")
                | project TimeGenerated, FunctionName, Level, Message
                | order by TimeGenerated asc
                """, "t0", "t1", adaptation),
            q.Query("E", "Python MemoryError and invocation failures (FunctionAppLogs)", 15, 55, $"""
                FunctionAppLogs
                | where TimeGenerated between (tStart .. tEnd)
                | where AppName == appName
                | where Message has_any ({memoryError}, "invocation failed", "Out of memory")
                | project TimeGenerated, FunctionName, Level, Message
                | order by TimeGenerated asc
                """, "tStart", "tEnd", adaptation),
            q.Query("F", "Worker lifecycle crash signatures (traces)", 15, 55, """
                traces
                | where timestamp between (tStart .. tEnd)
                | where cloud_RoleName == appName
                | where message has_any ("Worker process exited", "exit code 137", "Restarting worker process", "Worker process started")
                | project timestamp, severityLevel, message
                | order by timestamp asc
                """, "tStart", "tEnd"),
            q.Query("G", "Request degradation (requests)", 15, 55, RequestsBody, "tStart", "tEnd"),
            q.Query("H", "Dependency retry pressure (dependencies)", 15, 55, DependenciesBody, "tStart", "tEnd"),
            q.Query("I", "EP1 memory pressure progression (performanceCounters)", 15, 55, MemoryBody, "tStart", "tEnd"),
            q.Query("PostFix-1", "Post-fix memory failures (FunctionAppLogs)", 55, 70, $"""
                FunctionAppLogs
                | where TimeGenerated between (tStart .. tEnd)
                | where AppName == appName
                | where Message has_any ({memoryError}, "Out of memory")
                | summarize count()
                """, "tStart", "tEnd", adaptation),
            q.Query("PostFix-2", "Post-fix latency and failures (requests)", 55, 70, """
                requests
                | where timestamp between (tStart .. tEnd)
                | where cloud_RoleName == appName
                | summarize
                    p95Ms=round(percentile(toreal(duration / 1ms), 95), 2),
                    failureRatePercent=round(100.0 * countif(success == false) / count(), 2)
                  by bin(timestamp, 5m)
                | order by timestamp asc
                """, "tStart", "tEnd"),
            q.Query("PostFix-3", "Post-fix worker exits and restarts (traces)", 55, 70, """
                traces
                | where timestamp between (tStart .. tEnd)
                | where cloud_RoleName == appName
                | where message has_any ("Worker process exited", "Restarting worker process")
                | summarize count()
                """, "tStart", "tEnd"),
            // The seed's own queries over other windows, so each phase can be compared with the baseline.
            q.Query("H-baseline", "Dependency baseline (dependencies)", 0, 15, DependenciesBody, "tStart", "tEnd", BaselineWindow),
            q.Query("G-recovery", "Request recovery (requests)", 55, 70, RequestsBody, "tStart", "tEnd", RecoveryWindow),
            q.Query("H-recovery", "Dependency recovery (dependencies)", 55, 70, DependenciesBody, "tStart", "tEnd", RecoveryWindow),
            q.Query("I-recovery", "Memory recovery (performanceCounters)", 55, 70, MemoryBody, "tStart", "tEnd", RecoveryWindow),
            q.Query("Runbook", "Runbook actions and host restarts (traces)", 0, 70, """
                traces
                | where timestamp between (tStart .. tEnd)
                | where cloud_RoleName == appName
                | where message startswith "Runbook action" or message startswith "Host started"
                | project timestamp, message
                | order by timestamp asc
                """, "tStart", "tEnd", "not a seed query: the lab's own, for the timeline's runbook actions"),
        ];
    }

    private sealed class Builder(DateTimeOffset t0, string appName)
    {
        public SeedQuery Query(string id, string title, int startMinute, int endMinute, string body, string startName, string endName, string? adaptation = null)
        {
            var start = t0.AddMinutes(startMinute);
            var end = t0.AddMinutes(endMinute);
            var text = $"""
                let appName = "{appName}";
                let {startName} = datetime({Literal(start)});
                let {endName} = datetime({Literal(end)});
                {body}
                """;
            return new SeedQuery(id, title, text, start, end, adaptation);
        }

        private static string Literal(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
