namespace OomLab.Telemetry.Import;

/// <summary>An export file that cannot be imported: names the file, the line and column (1-based), and the problem.</summary>
internal sealed class ImportException : OomLabException
{
    public ImportException(string file, long line, long column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public ImportException()
    {
        File = string.Empty;
    }

    public ImportException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    public string File { get; }

    public long Line { get; }

    public long Column { get; }

    /// <summary>The problem alone, without the location.</summary>
    public string Problem { get; } = string.Empty;
}
