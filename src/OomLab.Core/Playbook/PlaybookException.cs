namespace OomLab.Playbook;

/// <summary>A playbook file that cannot be used: names the file, the line and column, and the key.</summary>
internal sealed class PlaybookException : OomLabException
{
    public PlaybookException(string source, int line, int column, string key, string problem)
        : base($"{source}:{line}:{column}: {(key.Length == 0 ? string.Empty : key + ": ")}{problem}")
    {
        Source = source;
        Line = line;
        Column = column;
        Key = key;
        Problem = problem;
    }

    public PlaybookException()
    {
        Source = Key = Problem = string.Empty;
    }

    public PlaybookException(string message)
        : base(message)
    {
        Source = Key = Problem = string.Empty;
    }

    public PlaybookException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = Key = Problem = string.Empty;
    }

    /// <summary>The playbook file.</summary>
    public new string Source { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The key path, e.g. <c>hypotheses[2].confirm</c>.</summary>
    public string Key { get; }

    public string Problem { get; }
}
