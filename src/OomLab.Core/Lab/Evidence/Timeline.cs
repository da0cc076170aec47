using System.Globalization;
using OomLab.Workers;

namespace OomLab.Lab.Evidence;

/// <summary>
/// The condensed incident timeline (the seed's worksheet): memory and request figures per 5-minute bin,
/// the first memory failure, worker exits and restarts, the runbook's actions, and the recovery checks,
/// all read from the seed's query results.
/// </summary>
internal static class Timeline
{
    private const int MaxLifecycleRows = 12;

    public static IReadOnlyList<TimelineRow> Build(EvidenceSession session, LabMeasurements m)
    {
        var rows = new List<TimelineRow>();
        TimelineRow Row(DateTime time, string signal, string observation, string interpretation)
        {
            var at = new DateTimeOffset(time, TimeSpan.Zero);
            return new TimelineRow(at, LabPhase.At(at - session.T0).Name, signal, observation, interpretation);
        }

        foreach (var run in new[] { session["I"], session["I-recovery"] })
        {
            foreach (var row in Bins(run, "maxMemoryMB"))
            {
                var fraction = row.Value / m.CeilingMiB;
                rows.Add(Row(row.Time, "performanceCounters", F($"Private Bytes {row.Value:0.0} MiB ({fraction:P0} of ceiling)"), MemoryMeaning(fraction)));
            }
        }

        foreach (var run in new[] { session["G"], session["PostFix-2"] })
        {
            var p95 = Bins(run, "p95Ms").ToList();
            var failures = Bins(run, "failureRatePercent").ToDictionary(b => b.Time, b => b.Value);
            foreach (var (time, value) in p95)
            {
                var fail = failures.GetValueOrDefault(time);
                rows.Add(Row(time, "requests", F($"p95 {value / 1000:0.00} s, fail {fail:0.#}%"), RequestMeaning(fail)));
            }
        }

        var incident = session["E"].Between("TimeGenerated", session.At(LabPhase.Incident.Start), session.At(LabPhase.Incident.End));
        var firstFailure = incident.Rows.FirstOrDefault(r => LabMeasurements.IsMemoryFailure(r[3]?.ToString() ?? string.Empty));
        if (firstFailure is { } failure && failure[0] is DateTime failedAt)
        {
            rows.Add(Row(failedAt, "FunctionAppLogs", failure[3]!.ToString()!, "In-process memory failure"));
        }

        var lifecycle = session["F"];
        var seenExit = false;
        foreach (var row in lifecycle.Rows.Take(MaxLifecycleRows))
        {
            if (row[0] is not DateTime time)
            {
                continue;
            }

            var message = row[2]?.ToString() ?? string.Empty;
            var meaning = message switch
            {
                _ when WorkerTraces.IsExited(message) => seenExit ? "Crash loop repeats" : "OOM kill signature",
                _ when message.StartsWith("Restarting", StringComparison.Ordinal) => seenExit ? "Host recovery loop" : "Unexpected restart",
                _ => "Restart complete",
            };
            seenExit |= WorkerTraces.IsExited(message);
            rows.Add(Row(time, "traces", message, meaning));
        }

        foreach (var row in session["Runbook"].Rows)
        {
            if (row[0] is DateTime time && row[1]?.ToString() is { } message && (message.StartsWith("Runbook", StringComparison.Ordinal) || time >= session.At(LabPhase.Remediation).UtcDateTime))
            {
                rows.Add(Row(time, message.StartsWith("Runbook", StringComparison.Ordinal) ? "Runbook action" : "traces", message, message.StartsWith("Runbook", StringComparison.Ordinal) ? "Causal intervention" : "Remediated host up"));
            }
        }

        var end = session.At(LabPhase.Recovery.End).UtcDateTime.AddSeconds(-1);
        rows.Add(Row(end, "FunctionAppLogs", m.PostFixMemoryFailures == 0 ? F($"No {m.MemoryFailure} records") : F($"{m.PostFixMemoryFailures} memory failure records"), m.PostFixMemoryFailures == 0 ? "Primary fault removed" : "Fault persists"));
        rows.Add(Row(end, "traces", m.PostFixExits == 0 ? "No worker exit/restart" : F($"{m.PostFixExits} worker exit/restart events"), m.PostFixExits == 0 ? "Crash loop resolved" : "Crash loop persists"));
        return [.. rows.OrderBy(r => r.Time)];
    }

    public static string ToCsv(IReadOnlyList<TimelineRow> rows)
    {
        var csv = new System.Text.StringBuilder("Time (UTC),Phase,Signal,Observation,Interpretation\n");
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', new[] { row.Time.ToString("HH:mm:ss", CultureInfo.InvariantCulture), row.Phase, row.Signal, row.Observation, row.Interpretation }.Select(Quote))).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static IEnumerable<(DateTime Time, double Value)> Bins(QueryRun run, string column)
    {
        var times = run.Column("timestamp").ToList();
        var values = run.Column(column).ToList();
        for (var i = 0; i < times.Count; i++)
        {
            if (times[i] is DateTime time && values[i] is { } value)
            {
                yield return (time, Convert.ToDouble(value, CultureInfo.InvariantCulture));
            }
        }
    }

    private static string MemoryMeaning(double fraction) => MemoryBands.Classify(fraction) switch
    {
        "critical" => "Critical band",
        "near critical" => "Near critical threshold",
        "degraded" => "Degraded band",
        "elevated" => "Early growth",
        _ => "Healthy band",
    };

    private static string RequestMeaning(double failurePercent) => failurePercent switch
    {
        > 15 => "Severe outage behavior",
        > 5 => "Service impact visible",
        > 1 => "Degradation",
        _ => "Healthy",
    };

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
