using System.Text.Json;
using System.Text.Json.Nodes;

namespace OomLab.Playbook;

/// <summary>A diagnosis as JSON for scripts; field names are stable (see docs/PLAYBOOK.md).</summary>
internal static class DiagnosisJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(Diagnosis d, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(d);
        var plan = d.Plan;
        var root = new JsonObject
        {
            ["playbook"] = d.Playbook,
            ["playbookSource"] = d.PlaybookSource,
            ["ceilingBytes"] = d.CeilingBytes,
            ["ceiling"] = d.Ceiling,
            ["telemetryStart"] = d.TelemetryStart?.UtcDateTime,
            ["telemetryEnd"] = d.TelemetryEnd?.UtcDateTime,
            ["now"] = d.Now.UtcDateTime,
            ["memoryIsCause"] = d.MemoryIsCause,
            ["conclusion"] = d.Conclusion,
            ["exitCode"] = exitCode,
            ["path"] = new JsonArray([.. d.Path.Select(p => (JsonNode)new JsonObject
            {
                ["node"] = p.NodeId, ["text"] = p.Text, ["answer"] = p.Answer is { } a ? (a ? "yes" : "no") : null, ["rule"] = p.Rule,
            })]),
            ["severity"] = d.Severity is { } s ? new JsonObject { ["level"] = s.Level, ["condition"] = s.Condition, ["action"] = s.Action, ["rule"] = s.Rule } : null,
            ["hypotheses"] = new JsonArray([.. d.Hypotheses.Select((h, i) => (JsonNode)new JsonObject
            {
                ["rank"] = i + 1,
                ["id"] = h.Definition.Id,
                ["title"] = h.Definition.Title,
                ["status"] = HypothesisStatusText.Of(h.Status),
                ["score"] = Math.Round(h.Score, 1),
                ["confirmed"] = h.Confirmed,
                ["disproved"] = h.Disproved,
                ["reason"] = h.Reason,
                ["confirm"] = h.Definition.Confirm.Value,
                ["disprove"] = h.Definition.Disprove.Value,
                ["query"] = h.Query,
                ["evidence"] = new JsonObject
                {
                    ["columns"] = new JsonArray([.. h.Evidence.Columns.Select(c => (JsonNode)JsonValue.Create(c))]),
                    ["rows"] = new JsonArray([.. h.Evidence.Rows.Select(r => (JsonNode)new JsonArray([.. r.Select(v => (JsonNode)JsonValue.Create(v))]))]),
                    ["totalRows"] = h.Evidence.TotalRows,
                },
            })]),
            ["signals"] = new JsonObject([.. d.Signals.Select(v => KeyValuePair.Create(v.Name, Value(v.Value)))]),
            ["misreadings"] = new JsonArray([.. d.Misreadings.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Definition.Id, ["misreading"] = m.Definition.Misreading, ["whyIncorrect"] = m.Definition.WhyIncorrect, ["correct"] = m.Definition.Correct,
            })]),
            ["mitigations"] = new JsonArray([.. d.Mitigations.Select(m => (JsonNode)new JsonObject { ["id"] = m.Id, ["title"] = m.Title, ["text"] = m.Text })]),
            ["recommendation"] = new JsonObject
            {
                ["perInvocationBytes"] = plan.PerInvocationBytes,
                ["estimator"] = plan.Estimator,
                ["targetFraction"] = plan.TargetFraction,
                ["idleBytes"] = plan.IdleBytes,
                ["safeConcurrency"] = plan.SafeConcurrency,
                ["batchSize"] = plan.BatchSize,
                ["newBatchThreshold"] = plan.NewBatchThreshold,
                ["payloadGuardBytes"] = plan.PayloadGuardBytes,
                ["scalePlan"] = plan.ScalePlan,
                ["hostJson"] = JsonNode.Parse(plan.HostJson),
                ["appSettings"] = new JsonObject([.. plan.AppSettings.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
                ["alerts"] = new JsonArray([.. plan.Alerts.Select(a => (JsonNode)new JsonObject { ["percent"] = a.Percent, ["thresholdBytes"] = a.ThresholdBytes, ["query"] = a.Query })]),
            },
        };
        return root.ToJsonString(Indented);
    }

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        long l => l,
        int i => i,
        double d when double.IsFinite(d) => Math.Round(d, 6),
        double => null,
        bool b => b,
        DateTime t => t,
        TimeSpan t => t.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        JsonNode n => n.DeepClone(),
        _ => value.ToString(),
    };
}
