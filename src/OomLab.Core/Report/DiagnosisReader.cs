using System.Text.Json;

namespace OomLab.Report;

/// <summary>
/// Reads <c>diagnosis.json</c> into a <see cref="DiagnosisModel"/>, tolerantly: unknown properties are
/// ignored, missing ones are empty, and lists may hold plain strings where objects are expected (a
/// mitigation given as a sentence, a decision step as a line). The shape is documented in docs/REPORT.md.
/// </summary>
internal static class DiagnosisReader
{
    public static DiagnosisModel Read(JsonElement root)
    {
        var severity = JsonFields.Property(root, "severity") switch
        {
            { ValueKind: JsonValueKind.String } level => new DiagnosisSeverity(level.GetString() ?? string.Empty, JsonFields.Text(root, "severityRule"), string.Empty),
            { ValueKind: JsonValueKind.Object } s => new DiagnosisSeverity(
                JsonFields.Text(s, "level", "name", "value"), JsonFields.Text(s, "rule", "condition"), JsonFields.Text(s, "reason", "why", "evidence", "action")),
            _ => null,
        };

        return new DiagnosisModel(
            JsonFields.Text(root, "summary", "conclusion", "title"),
            severity,
            [.. JsonFields.Items(root, "hypotheses").Select(Hypothesis)],
            [.. JsonFields.Items(root, "decisionPath", "decisions", "path").Select(Step).Where(s => s.Length > 0)],
            [.. JsonFields.Items(root, "misreadings").Select(Misreading)],
            [.. JsonFields.Items(root, "mitigations").Select(Mitigation)]);
    }

    private static DiagnosisHypothesis Hypothesis(JsonElement h) => h.ValueKind == JsonValueKind.String
        ? new DiagnosisHypothesis(string.Empty, h.GetString() ?? string.Empty, string.Empty, string.Empty, [], string.Empty)
        : new DiagnosisHypothesis(
            JsonFields.Text(h, "id"),
            JsonFields.Text(h, "title", "name", "hypothesis", "statement"),
            JsonFields.Text(h, "status", "verdict", "outcome"),
            JsonFields.Text(h, "summary", "reason", "explanation"),
            [.. JsonFields.Items(h, "evidence", "signals").Select(Evidence)],
            JsonFields.Property(h, "query", "kql") is { } query
                ? query.ValueKind == JsonValueKind.Object ? JsonFields.Text(query, "text", "kql") : JsonFields.AsText(query)
                : string.Empty);

    private static DiagnosisEvidence Evidence(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? new DiagnosisEvidence(e.GetString() ?? string.Empty, string.Empty, string.Empty, null)
        : new DiagnosisEvidence(
            JsonFields.Text(e, "signal", "name", "check"),
            JsonFields.Text(e, "expected", "confirming", "expects"),
            JsonFields.Text(e, "measured", "observed", "value", "actual"),
            JsonFields.Bool(e, "holds", "confirms", "ok"));

    private static string Step(JsonElement s) => s.ValueKind switch
    {
        JsonValueKind.String => s.GetString() ?? string.Empty,
        JsonValueKind.Object => string.Join(" → ", new[]
        {
            JsonFields.Text(s, "step", "id", "node"), JsonFields.Text(s, "question", "decision", "check", "text"), JsonFields.Text(s, "answer", "outcome", "result"),
        }.Where(t => t.Length > 0)),
        _ => string.Empty,
    };

    private static DiagnosisMisreading Misreading(JsonElement m) => m.ValueKind == JsonValueKind.String
        ? new DiagnosisMisreading(m.GetString() ?? string.Empty, string.Empty, string.Empty)
        : new DiagnosisMisreading(
            JsonFields.Text(m, "misreading", "claim", "text"),
            JsonFields.Text(m, "why", "whyIncorrect", "reason"),
            JsonFields.Text(m, "correct", "correctInterpretation", "instead"));

    private static DiagnosisMitigation Mitigation(JsonElement m) => m.ValueKind == JsonValueKind.String
        ? new DiagnosisMitigation(m.GetString() ?? string.Empty, string.Empty, string.Empty, string.Empty)
        : new DiagnosisMitigation(
            JsonFields.Text(m, "title", "name", "action"),
            JsonFields.Text(m, "text", "description", "detail", "why"),
            JsonFields.Text(m, "snippet", "code", "setting", "value"),
            JsonFields.Text(m, "language", "format", "kind"));
}
