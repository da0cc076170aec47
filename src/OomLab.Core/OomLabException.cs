namespace OomLab;

/// <summary>
/// The one base of oomlab's exceptions: a user-facing problem (a bad setting, a bad file, an impossible
/// ceiling) that the CLI shows as a clear message and a non-zero exit code, never as a stack trace.
/// Subclasses carry the offending value and where it was found.
/// </summary>
public class OomLabException : Exception
{
    public OomLabException()
    {
    }

    public OomLabException(string message)
        : base(message)
    {
    }

    public OomLabException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The process exit code the CLI uses for this problem; 2 (usage or input error) by default.</summary>
    public virtual int ExitCode => 2;
}
