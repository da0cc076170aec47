namespace OomLab.Cli.Commands;

/// <summary>A bad input to <c>oomlab query</c>: a missing file, an unreadable table, conflicting arguments.</summary>
internal sealed class QueryInputException : OomLabException
{
    public QueryInputException(string message, string where)
        : base(message) => Where = where;

    /// <summary>The argument or file the problem is in.</summary>
    public string Where { get; }
}
