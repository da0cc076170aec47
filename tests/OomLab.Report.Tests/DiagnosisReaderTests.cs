using System.Text.Json;

namespace OomLab.Report.Tests;

public sealed class DiagnosisReaderTests
{
    [Fact]
    public void Reads_the_documented_shape()
    {
        var diagnosis = Read("""
            {
              "summary": "Whole-blob buffering under high concurrency exhausts the ceiling.",
              "severity": { "level": "Sev2", "rule": "Repeated worker crashes causing queue growth", "reason": "3 exits in 10 minutes" },
              "hypotheses": [
                { "id": "H2", "title": "Blob downloads are materialized", "status": "confirmed", "summary": "OOMs follow blob reads",
                  "evidence": [ { "signal": "OOM near blob reads", "expected": "yes", "measured": "23 of 23", "holds": true } ],
                  "query": "exceptions | where type has 'OutOfMemory'" },
                { "id": "H4", "title": "EF contexts not disposed", "status": "ruled out" }
              ],
              "decisionPath": [ "B: OOM exceptions? yes", { "step": "J", "question": "Ceiling reached?", "answer": "yes" } ],
              "misreadings": [ { "misreading": "No OOM means fine", "why": "Kills skip logging", "correct": "Use restarts" } ],
              "mitigations": [ { "title": "Stream the blob", "text": "Use chunks", "snippet": "{ \"batchSize\": 8 }", "language": "json" } ],
              "somethingNew": 42
            }
            """);

        diagnosis.Summary.ShouldStartWith("Whole-blob");
        diagnosis.Severity.ShouldBe(new DiagnosisSeverity("Sev2", "Repeated worker crashes causing queue growth", "3 exits in 10 minutes"));
        diagnosis.Hypotheses.Select(h => (h.Id, h.Status)).ShouldBe([("H2", "confirmed"), ("H4", "ruled out")]);
        diagnosis.Hypotheses[0].Evidence.ShouldBe([new DiagnosisEvidence("OOM near blob reads", "yes", "23 of 23", true)]);
        diagnosis.Hypotheses[0].Query.ShouldBe("exceptions | where type has 'OutOfMemory'");
        diagnosis.DecisionPath.ShouldBe(["B: OOM exceptions? yes", "J → Ceiling reached? → yes"]);
        diagnosis.Misreadings.ShouldBe([new DiagnosisMisreading("No OOM means fine", "Kills skip logging", "Use restarts")]);
        diagnosis.Mitigations.ShouldBe([new DiagnosisMitigation("Stream the blob", "Use chunks", "{ \"batchSize\": 8 }", "json")]);
    }

    [Fact]
    public void Tolerates_strings_for_objects_other_names_and_wrong_types()
    {
        var diagnosis = Read("""
            {
              "Severity": "Sev3",
              "hypotheses": [ "H1 large payloads", { "ID": "H6", "name": "Ceiling too low", "verdict": "inconclusive", "kql": { "text": "requests" }, "evidence": "not a list" } ],
              "mitigations": [ "Lower MAX_CONCURRENT_INVOCATIONS to 12", 7 ],
              "misreadings": "not a list",
              "decisionPath": null
            }
            """);

        diagnosis.Severity!.Level.ShouldBe("Sev3");
        diagnosis.Hypotheses.Select(h => (h.Id, h.Title, h.Status, h.Query)).ShouldBe([("", "H1 large payloads", "", ""), ("H6", "Ceiling too low", "inconclusive", "requests")]);
        diagnosis.Hypotheses[1].Evidence.ShouldBeEmpty();
        diagnosis.Mitigations.Select(m => m.Title).ShouldBe(["Lower MAX_CONCURRENT_INVOCATIONS to 12", ""]);
        diagnosis.Misreadings.ShouldBeEmpty();
        diagnosis.DecisionPath.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("\"just text\"")]
    public void Anything_else_is_an_empty_diagnosis(string json)
    {
        var diagnosis = Read(json);

        diagnosis.Severity.ShouldBeNull();
        diagnosis.Hypotheses.ShouldBeEmpty();
        diagnosis.Summary.ShouldBeEmpty();
    }

    private static DiagnosisModel Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return DiagnosisReader.Read(document.RootElement);
    }
}
