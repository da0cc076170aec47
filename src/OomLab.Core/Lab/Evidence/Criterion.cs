namespace OomLab.Lab.Evidence;

/// <summary>One proof or disproof criterion of the seed, evaluated: whether it holds, and the evidence.</summary>
/// <param name="Id">P1-P5 for proof, D1-D3 for disproof.</param>
/// <param name="Statement">The seed's wording.</param>
/// <param name="Holds">Whether the evidence satisfies it.</param>
/// <param name="Evidence">What was measured, and by which query.</param>
/// <param name="Queries">The ids of the queries behind it.</param>
internal sealed record Criterion(string Id, string Statement, bool Holds, string Evidence, IReadOnlyList<string> Queries);
