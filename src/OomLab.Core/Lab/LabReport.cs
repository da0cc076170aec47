using OomLab.Lab.Evidence;

namespace OomLab.Lab;

/// <summary>Everything a finished lab run concluded, as written to its evidence bundle.</summary>
internal sealed record LabReport(
    LabOptions Options,
    EvidenceSession Session,
    LabMeasurements Measurements,
    LabVerdict Verdict,
    IReadOnlyList<ExpectedEvidenceRow> Expected,
    IReadOnlyList<TimelineRow> Timeline,
    string EvidenceDirectory)
{
    /// <summary>Reads the run's telemetry with the seed's queries and judges it.</summary>
    public static LabReport Evaluate(LabOptions options, string telemetryPath)
    {
        var session = EvidenceSession.Run(telemetryPath, options.T0, options.AppName, options.Runtime);
        var measurements = new LabMeasurements(session, options.Scale.Ceiling.Bytes) { MemoryFailure = options.Runtime.MemoryFailure };
        return new LabReport(
            options,
            session,
            measurements,
            LabVerdict.Evaluate(measurements),
            ExpectedEvidence.Build(measurements),
            Evidence.Timeline.Build(session, measurements),
            Path.Combine(options.OutDirectory, "evidence", "oom"));
    }
}
