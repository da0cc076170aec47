namespace OomLab.Hosting.Admission;

/// <summary>One measured invocation: its input length and its peak memory, in bytes.</summary>
internal readonly record struct PeakSample(long Length, long PeakBytes);
