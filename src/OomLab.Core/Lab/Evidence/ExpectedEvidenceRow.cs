namespace OomLab.Lab.Evidence;

/// <summary>One row of the seed's expected-evidence tables, with the value measured here next to it.</summary>
/// <param name="Stage">Before Trigger (Baseline), During Incident, or After Recovery.</param>
/// <param name="Signal">The seed's signal name.</param>
/// <param name="SeedExpected">The seed's expected value (EP1, Python, full-size blobs).</param>
/// <param name="ExpectedHere">The same expectation at this run's scale.</param>
/// <param name="Measured">What the queries returned.</param>
/// <param name="Holds">Whether the measured value meets the expectation here.</param>
internal sealed record ExpectedEvidenceRow(string Stage, string Signal, string SeedExpected, string ExpectedHere, string Measured, bool Holds);
