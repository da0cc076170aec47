namespace OomLab.Report;

/// <summary>A report on disk: where, how big, how long it took to make, and what it showed.</summary>
internal sealed record ReportWritten(string Path, long Bytes, TimeSpan Elapsed, ReportModel Model);
