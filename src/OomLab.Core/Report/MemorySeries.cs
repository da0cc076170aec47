namespace OomLab.Report;

/// <summary>Private Bytes of one worker (a <c>performanceCounters.instance</c>) or of the whole instance (<c>_Total</c>), in bytes.</summary>
/// <param name="Name">The counter instance as recorded, prefixed with <c>cloud_RoleInstance</c> when a run has several.</param>
/// <param name="IsTotal">Whether this is the instance's total, the series the ceiling applies to.</param>
internal sealed record MemorySeries(string Name, bool IsTotal, IReadOnlyList<TimeValue> Points);
