namespace OomLab.Report;

/// <summary>A row of the seed's verdict table.</summary>
internal sealed record VerdictRow(string Criterion, string Verdict, string Evidence);
