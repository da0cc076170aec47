namespace OomLab.Playbook;

/// <summary>A hypothesis judged: status, score, which rules held, why, and the evidence with the query that produced it.</summary>
internal sealed record HypothesisFinding(
    HypothesisDefinition Definition,
    HypothesisStatus Status,
    double Score,
    bool Confirmed,
    bool Disproved,
    string Reason,
    string Query,
    EvidenceTable Evidence);
