namespace OomLab.Playbook;

/// <summary>
/// What the rules say of a hypothesis, in ranking order: <see cref="Supported"/> (confirm holds, disprove
/// does not), <see cref="Weakened"/> (both or neither hold), <see cref="NotEnoughData"/> (a needed table is
/// empty or <c>requires</c> is false), <see cref="Disproved"/> (disprove holds, confirm does not).
/// </summary>
internal enum HypothesisStatus
{
    Supported,
    Weakened,
    NotEnoughData,
    Disproved,
}
