namespace OomLab.Report;

/// <summary>A worker kill, restart or out-of-memory exception, as recorded in telemetry.</summary>
/// <param name="Worker">The worker id from <c>customDimensions.WorkerId</c>, or empty.</param>
/// <param name="Text">The trace message or exception text, as recorded (escaped when shown).</param>
/// <param name="Detail">More of the record: the blob, the last Private Bytes reading; may be empty.</param>
internal sealed record LifecycleMarker(DateTimeOffset Time, MarkerKind Kind, string Worker, string Text, string Detail);
