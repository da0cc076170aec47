namespace OomLab.Report;

/// <summary>The report's source cannot be used: no such file or folder, or nothing in it to report on.</summary>
internal sealed class ReportException(string path, string problem) : OomLabException($"{path}: {problem}")
{
    /// <summary>The bundle folder or file that was given.</summary>
    public string Path { get; } = path;
}
