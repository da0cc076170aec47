namespace OomLab.Playbook;

/// <summary>How statuses are written in output: <c>supported</c>, <c>weakened</c>, <c>not enough data</c>, <c>disproved</c>.</summary>
internal static class HypothesisStatusText
{
    public static string Of(HypothesisStatus status) => status switch
    {
        HypothesisStatus.Supported => "supported",
        HypothesisStatus.Weakened => "weakened",
        HypothesisStatus.NotEnoughData => "not enough data",
        _ => "disproved",
    };
}
