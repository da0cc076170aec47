namespace OomLab.Report;

/// <summary>A row of the expected-evidence tables: what the seed expects, what that means here, and what was measured.</summary>
internal sealed record ExpectedRow(string Stage, string Signal, string SeedExpected, string ExpectedHere, string Measured, bool? Holds);
