using System.Globalization;
using System.Text.Json;
using OomLab.Lab.Bundle;

namespace OomLab.Report;

internal static partial class ReportLoader
{
    /// <summary>Title, facts, phases, remediation and ceiling from <c>settings.json</c> (lab) or <c>scenario.json</c> (scenario).</summary>
    private static ReportModel WithRun(ReportModel model, RunBundle? settings, RunBundle? scenario)
    {
        var facts = new List<KeyValuePair<string, string>>();
        var title = model.Title;
        var phases = new List<PhaseSpan>();
        DateTimeOffset? remediation = null;
        long? ceiling = null;

        if (scenario is { } s)
        {
            var name = s.Name ?? string.Empty;
            title = name.Length > 0 ? $"Scenario: {name}" : "Scenario";
            AddFact(facts, "scenario", s.Description);
            AddFact(facts, "hypothesis", s.Hypothesis);
            phases.AddRange(Phases(s));
            ceiling = Ceiling(s);
            AddFact(facts, "ceiling", CeilingText(s));
        }

        if (settings is { } lab)
        {
            var app = lab.App ?? string.Empty;
            var variant = lab.Variant ?? string.Empty;
            if (scenario is null)
            {
                title = $"{(app.Length > 0 ? app : "oomlab")}: lab run" + (variant.Length > 0 ? $", {variant} variant" : string.Empty);
            }

            AddFact(facts, "app", app);
            AddFact(facts, "status", lab.Status);
            AddFact(facts, "scale", lab.Scale);
            AddFact(facts, "ceiling", CeilingText(lab));
            AddFact(facts, "seed", lab.Seed?.ToString(CultureInfo.InvariantCulture));
            AddFact(facts, "lab clock", LabClock(lab));
            var deployments = lab.Deployments ?? [];
            foreach (var deployment in deployments)
            {
                var appSettings = string.Join(", ", (deployment.AppSettings ?? new Dictionary<string, string>())
                    .Where(p => p.Key != "FUNCTIONS_WORKER_RUNTIME").Select(p => $"{p.Key}={p.Value}"));
                AddFact(facts, $"deployment from {Clock(Utc(deployment.Begins))}", $"{deployment.Package} ({deployment.Function}) {appSettings}".Trim());
            }

            if (deployments.Count > 1)
            {
                remediation = Utc(deployments[1].Begins);
            }

            phases = phases.Count > 0 ? phases : [.. Phases(lab)];
            ceiling ??= Ceiling(lab);
        }

        return model with { Title = title, Facts = facts, Phases = phases, Remediation = remediation, CeilingBytes = ceiling };
    }

    private static IEnumerable<PhaseSpan> Phases(RunBundle run) =>
        (run.Phases ?? [])
            .Where(p => p.Start is not null && p.End is not null && p.End > p.Start)
            .Select(p => new PhaseSpan(p.Name ?? string.Empty, Utc(p.Start)!.Value, Utc(p.End)!.Value));

    private static long? Ceiling(RunBundle run) => run.Ceiling?.Bytes ?? run.CeilingBytes;

    private static string? CeilingText(RunBundle run) =>
        run.Ceiling is { } c ? c.Description ?? c.Bytes?.ToString(CultureInfo.InvariantCulture) : null;

    private static string LabClock(RunBundle lab)
    {
        var compression = lab.Compression?.LabSecondsPerRealSecond.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        return Utc(lab.T0) is not { } t0 ? string.Empty
            : $"from {t0.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z" + (compression.Length > 0 ? $", {compression}x faster than real time (durations are real)" : string.Empty);
    }

    /// <summary>A bundle's time as UTC, whatever offset or kind the file gave it.</summary>
    private static DateTimeOffset? Utc(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        { } t => new DateTimeOffset(t.ToUniversalTime()),
    };

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

    private static void AddFact(List<KeyValuePair<string, string>> facts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            facts.Add(KeyValuePair.Create(name, value));
        }
    }
}
