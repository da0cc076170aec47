namespace OomLab.Report;

/// <summary>A proof or disproof criterion and whether it held.</summary>
internal sealed record CriterionRow(string Id, string Statement, bool? Holds, string Evidence, IReadOnlyList<string> Queries);
