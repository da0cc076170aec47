using System.Globalization;
using System.Text.Json;

namespace OomLab.Report;

internal static partial class ReportLoader
{
    /// <summary>Title, facts, phases, remediation and ceiling from <c>settings.json</c> (lab) or <c>scenario.json</c> (scenario).</summary>
    private static ReportModel WithRun(ReportModel model, JsonElement? settings, JsonElement? scenario)
    {
        var facts = new List<KeyValuePair<string, string>>();
        var title = model.Title;
        var phases = new List<PhaseSpan>();
        DateTimeOffset? remediation = null;
        long? ceiling = null;

        if (scenario is { } s)
        {
            var name = JsonFields.Text(s, "title", "name", "id");
            title = name.Length > 0 ? $"Scenario: {name}" : "Scenario";
            AddFact(facts, "scenario", JsonFields.Text(s, "description", "summary"));
            AddFact(facts, "hypothesis", JsonFields.Text(s, "hypothesis"));
            AddFact(facts, "function", JsonFields.Text(s, "function"));
            phases.AddRange(Phases(s));
            ceiling = Ceiling(s);
            AddFact(facts, "ceiling", CeilingText(s));
        }

        if (settings is { } lab)
        {
            var app = JsonFields.Text(lab, "app");
            var variant = JsonFields.Text(lab, "variant");
            if (scenario is null)
            {
                title = $"{(app.Length > 0 ? app : "oomlab")}: lab run" + (variant.Length > 0 ? $", {variant} variant" : string.Empty);
            }

            AddFact(facts, "app", app);
            AddFact(facts, "status", JsonFields.Text(lab, "status"));
            AddFact(facts, "scale", JsonFields.Text(lab, "scale"));
            AddFact(facts, "ceiling", CeilingText(lab));
            AddFact(facts, "seed", JsonFields.Text(lab, "seed"));
            AddFact(facts, "lab clock", LabClock(lab));
            var deployments = JsonFields.Items(lab, "deployments").ToList();
            foreach (var deployment in deployments)
            {
                var appSettings = JsonFields.Property(deployment, "appSettings") is { ValueKind: JsonValueKind.Object } values
                    ? string.Join(", ", values.EnumerateObject().Where(p => p.Name != "FUNCTIONS_WORKER_RUNTIME").Select(p => $"{p.Name}={JsonFields.AsText(p.Value)}"))
                    : string.Empty;
                AddFact(facts, $"deployment from {Clock(JsonFields.Time(deployment, "from"))}",
                    $"{JsonFields.Text(deployment, "package")} ({JsonFields.Text(deployment, "function")}) {appSettings}".Trim());
            }

            if (deployments.Count > 1)
            {
                remediation = JsonFields.Time(deployments[1], "from");
            }

            phases = phases.Count > 0 ? phases : [.. Phases(lab)];
            ceiling ??= Ceiling(lab);
        }

        return model with { Title = title, Facts = facts, Phases = phases, Remediation = remediation, CeilingBytes = ceiling };
    }

    private static IEnumerable<PhaseSpan> Phases(JsonElement run) =>
        JsonFields.Items(run, "phases")
            .Select(p => (Name: JsonFields.Text(p, "name", "phase"), Start: JsonFields.Time(p, "start", "from"), End: JsonFields.Time(p, "end", "to")))
            .Where(p => p.Start is not null && p.End is not null && p.End > p.Start)
            .Select(p => new PhaseSpan(p.Name, p.Start!.Value, p.End!.Value));

    private static long? Ceiling(JsonElement run) => JsonFields.Property(run, "ceiling") switch
    {
        { ValueKind: JsonValueKind.Object } c => JsonFields.Long(c, "bytes"),
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var bytes) => bytes,
        _ => JsonFields.Long(run, "ceilingBytes"),
    };

    private static string CeilingText(JsonElement run) => JsonFields.Property(run, "ceiling") switch
    {
        { ValueKind: JsonValueKind.Object } c => JsonFields.Text(c, "description", "bytes"),
        { } other => JsonFields.AsText(other),
        _ => string.Empty,
    };

    private static string LabClock(JsonElement lab)
    {
        var t0 = JsonFields.Time(lab, "t0");
        var compression = JsonFields.Property(lab, "compression") is { } c ? JsonFields.Text(c, "labSecondsPerRealSecond") : string.Empty;
        return t0 is null ? string.Empty
            : $"from {t0.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z" + (compression.Length > 0 ? $", {compression}x faster than real time (durations are real)" : string.Empty);
    }

    private static VerdictSection Verdict(JsonElement v) => new(
        JsonFields.Text(v, "hypothesis"),
        JsonFields.Bool(v, "supported"),
        JsonFields.Text(v, "finalVerdict"),
        [.. JsonFields.Items(v, "verdictTable").Select(r => new VerdictRow(JsonFields.Text(r, "criterion"), JsonFields.Text(r, "verdict"), JsonFields.Text(r, "evidence")))],
        [.. JsonFields.Items(v, "proof").Select(Criterion)],
        [.. JsonFields.Items(v, "disproof").Select(Criterion)],
        [.. JsonFields.Items(v, "expectedEvidence").Select(e => new ExpectedRow(
            JsonFields.Text(e, "stage"), JsonFields.Text(e, "signal"), JsonFields.Text(e, "seedExpected"), JsonFields.Text(e, "expectedHere"),
            JsonFields.Text(e, "measured"), JsonFields.Bool(e, "holds")))],
        [.. JsonFields.Items(v, "queryErrors").Select(JsonFields.AsText)]);

    private static CriterionRow Criterion(JsonElement c) => new(
        JsonFields.Text(c, "id"), JsonFields.Text(c, "statement"), JsonFields.Bool(c, "holds"), JsonFields.Text(c, "evidence"),
        [.. JsonFields.Items(c, "queries").Select(JsonFields.AsText)]);

    private static IReadOnlyList<QueryResult> Queries(JsonElement session, ReportOptions options) =>
        [.. JsonFields.Items(session, "queries").Select(q =>
        {
            var window = JsonFields.Property(q, "window") is { } w
                ? $"{Clock(JsonFields.Time(w, "start"))} - {Clock(JsonFields.Time(w, "end"))}"
                : string.Empty;
            var rows = JsonFields.Items(q, "rows").ToList();
            return new QueryResult(
                JsonFields.Text(q, "id"), JsonFields.Text(q, "title"), JsonFields.Text(q, "text"), window, JsonFields.Text(q, "adaptation"),
                JsonFields.Text(q, "error"),
                [.. JsonFields.Items(q, "columns").Select(c => c.ValueKind == JsonValueKind.Object ? JsonFields.Text(c, "name") : JsonFields.AsText(c))],
                [.. rows.Take(options.MaxTableRows).Select(r => (IReadOnlyList<string>)[.. (r.ValueKind == JsonValueKind.Array ? r.EnumerateArray() : []).Select(Cell)])],
                rows.Count);
        })];

    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
        JsonValueKind.Null => string.Empty,
        _ => JsonFields.AsText(value),
    };

    private static string Clock(DateTimeOffset? time) =>
        time?.ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "?";

    private static void AddFact(List<KeyValuePair<string, string>> facts, string name, string value)
    {
        if (value.Length > 0)
        {
            facts.Add(KeyValuePair.Create(name, value));
        }
    }
}
