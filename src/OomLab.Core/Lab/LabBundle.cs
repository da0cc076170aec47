using System.Text.Json;
using System.Text.Json.Nodes;

namespace OomLab.Lab;

/// <summary>
/// Writes the seed's artifact inventory for a run: <c>evidence/oom/kql-session.json</c> (every query: text,
/// window, result rows), <c>evidence/oom/timeline.csv</c>, <c>verdict.json</c> and <c>settings.json</c>; the
/// telemetry store stays in <c>.oomlab/telemetry.db</c>, where <c>oomlab query --telemetry &lt;run&gt;</c> finds it.
/// </summary>
internal static class LabBundle
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes the run's <c>settings.json</c>; done first, so an interrupted run still says what it was.</summary>
    public static void WriteSettings(LabOptions options, string status) =>
        Bundle.RunBundle.ForLab(options, status).Write(options.OutDirectory, Bundle.RunBundle.LabFileName);

    public static void Write(LabReport report)
    {
        Directory.CreateDirectory(report.EvidenceDirectory);
        var session = new JsonObject
        {
            ["app"] = report.Options.AppName,
            ["t0"] = report.Options.T0.UtcDateTime,
            ["queries"] = new JsonArray([.. report.Session.Runs.Select(run => (JsonNode)new JsonObject
            {
                ["id"] = run.Query.Id,
                ["title"] = run.Query.Title,
                ["text"] = run.Query.Text,
                ["window"] = new JsonObject { ["start"] = run.Query.WindowStart.UtcDateTime, ["end"] = run.Query.WindowEnd.UtcDateTime },
                ["adaptation"] = run.Query.Adaptation,
                ["error"] = run.Error,
                ["columns"] = new JsonArray([.. run.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type })]),
                ["rows"] = new JsonArray([.. run.Rows.Select(r => (JsonNode)new JsonArray([.. r.Select(Value)]))]),
            })]),
        };
        File.WriteAllText(Path.Combine(report.EvidenceDirectory, "kql-session.json"), session.ToJsonString(Json));
        File.WriteAllText(Path.Combine(report.EvidenceDirectory, "timeline.csv"), Evidence.Timeline.ToCsv(report.Timeline));

        var verdict = report.Verdict;
        var json = new JsonObject
        {
            ["hypothesis"] = $"Buffering whole blobs under high concurrency drives Private Bytes into the critical band and causes worker instability ({report.Measurements.MemoryFailure}, exit 137, restarts); streaming with lower concurrency removes those signatures under equivalent load.",
            ["supported"] = verdict.Supported,
            ["finalVerdict"] = verdict.FinalVerdict,
            ["proof"] = Criteria(verdict.Proof),
            ["disproof"] = Criteria(verdict.Disproof),
            ["verdictTable"] = new JsonArray([.. verdict.Table(report.Measurements).Select(r => (JsonNode)new JsonObject { ["criterion"] = r.Criterion, ["verdict"] = r.Verdict, ["evidence"] = r.Evidence })]),
            ["expectedEvidence"] = new JsonArray([.. report.Expected.Select(e => (JsonNode)new JsonObject
            {
                ["stage"] = e.Stage, ["signal"] = e.Signal, ["seedExpected"] = e.SeedExpected, ["expectedHere"] = e.ExpectedHere, ["measured"] = e.Measured, ["holds"] = e.Holds,
            })]),
            ["queryErrors"] = new JsonArray([.. verdict.QueryErrors.Select(e => (JsonNode)JsonValue.Create(e))]),
        };
        File.WriteAllText(Path.Combine(report.Options.OutDirectory, "verdict.json"), json.ToJsonString(Json));
    }

    /// <summary>Deletes the containers' blobs (the load and its copies), keeping state, telemetry and evidence.</summary>
    public static void DeleteBlobs(LabOptions options)
    {
        foreach (var container in new[] { "input", "output" })
        {
            var path = Path.Combine(options.OutDirectory, container);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    private static JsonArray Criteria(IReadOnlyList<Evidence.Criterion> criteria) =>
        new([.. criteria.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id, ["statement"] = c.Statement, ["holds"] = c.Holds, ["evidence"] = c.Evidence,
            ["queries"] = new JsonArray([.. c.Queries.Select(q => (JsonNode)JsonValue.Create(q))]),
        })]);

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        DateTime time => JsonValue.Create(time),
        TimeSpan span => JsonValue.Create(span.ToString("c", System.Globalization.CultureInfo.InvariantCulture)),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };
}
