namespace OomLab.Playbook;

/// <summary>
/// A competing hypothesis: its evidence query (shown with its rows), the tables it needs, and the rules
/// that judge it (<see cref="Confirm"/>, <see cref="Disprove"/>, optional <see cref="Requires"/>) and rank it (<see cref="Score"/>).
/// </summary>
internal sealed record HypothesisDefinition(
    string Id,
    string Title,
    string ConfirmingSignal,
    string DisprovingSignal,
    string DisproofCheck,
    IReadOnlyList<string> Tables,
    PlaybookText? Requires,
    PlaybookText Confirm,
    PlaybookText Disprove,
    PlaybookText? Score,
    PlaybookText Query);
